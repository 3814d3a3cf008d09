package jp.nexehrs.report.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Records collected in any order and read back sorted, with at most {@code limit} of them in memory: each time the
 * buffer is full it is sorted and written to a temporary file as one run, and reading merges the runs, ties in the order
 * they came (as a stable sort of them all would). The report of an export of any size is then never all in memory.
 * With no more than {@code limit} records nothing is written and the result is an ordinary sorted list.
 */
final class SortedSpill<T> {
    /** Records as JSON lines; a record's derived getters (Finding.isError) are written but not read back. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Comparator<? super T> order;
    private final Class<T> type;
    private final int limit;
    private final List<T> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private int size;

    SortedSpill(Comparator<? super T> order, Class<T> type, int limit) {
        this.order = order;
        this.type = type;
        this.limit = limit;
    }

    void add(T record) {
        buffer.add(record);
        size++;
        if (buffer.size() >= limit) spill();
    }

    int size() {
        return size;
    }

    /** Every record added, sorted; read from the runs as it is iterated when some were spilled. */
    List<T> sorted() {
        buffer.sort(order);
        if (runs.isEmpty()) return List.copyOf(buffer);
        return new SpilledList<>(List.copyOf(runs), List.copyOf(buffer), order, JSON.readerFor(type), size, Function.identity());
    }

    private void spill() {
        buffer.sort(order);
        try {
            Path run = Files.createTempFile("nexehrs-report-run", ".jsonl");
            run.toFile().deleteOnExit(); // a report lives as long as the command that writes it
            try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
                for (T record : buffer) {
                    out.write(JSON.writeValueAsString(record));
                    out.write('\n');
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a part of the report to a temporary file: " + e.getMessage(), e);
        }
        buffer.clear();
    }

    /**
     * The sorted records, read from the runs and the last buffer each time they are iterated, {@code mapping} applied to
     * each as it is read. Only read in order: {@link #get} is not supported.
     */
    static final class SpilledList<T> extends AbstractList<T> {
        private final List<Path> runs;
        private final List<?> lastBuffer;
        private final Comparator<? super T> order;
        private final ObjectReader reader;
        private final int size;
        private final Function<Object, T> mapping;

        @SuppressWarnings("unchecked")
        private <S> SpilledList(List<Path> runs, List<S> lastBuffer, Comparator<? super S> order, ObjectReader reader, int size,
                                Function<? super S, T> mapping) {
            this.runs = runs;
            this.lastBuffer = lastBuffer;
            this.order = (Comparator<? super T>) order;
            this.reader = reader;
            this.size = size;
            this.mapping = (Function<Object, T>) mapping;
        }

        /** The same records with {@code change} applied to each as it is read; their order is kept as it is. */
        @SuppressWarnings("unchecked")
        <R> SpilledList<R> map(Function<? super T, R> change) {
            Function<Object, T> before = mapping;
            return new SpilledList<>(runs, (List<Object>) lastBuffer, (Comparator<? super Object>) order, reader, size,
                    record -> change.apply(before.apply(record)));
        }

        @Override
        public T get(int index) {
            throw new UnsupportedOperationException("a spilled report is read in order, not by index");
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<T> iterator() {
            List<Iterator<?>> sources = new ArrayList<>();
            for (Path run : runs) sources.add(read(run));
            sources.add(lastBuffer.iterator());
            return new Merge(sources);
        }

        private Iterator<?> read(Path run) {
            try {
                BufferedReader in = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                MappingIterator<?> records = reader.readValues(in);
                return records;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back a part of the report: " + e.getMessage(), e);
            }
        }

        /** The next record of all sources: the smallest head, the earliest source on ties. */
        private final class Merge implements Iterator<T> {
            private final List<Iterator<?>> sources;
            private final Object[] heads;

            Merge(List<Iterator<?>> sources) {
                this.sources = sources;
                this.heads = new Object[sources.size()];
                for (int i = 0; i < heads.length; i++) heads[i] = sources.get(i).hasNext() ? sources.get(i).next() : null;
            }

            @Override
            public boolean hasNext() {
                for (Object head : heads) if (head != null) return true;
                return false;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                int smallest = -1;
                for (int i = 0; i < heads.length; i++) {
                    if (heads[i] != null && (smallest < 0 || ((Comparator<Object>) order).compare(heads[i], heads[smallest]) < 0)) smallest = i;
                }
                if (smallest < 0) throw new NoSuchElementException();
                Object record = heads[smallest];
                heads[smallest] = sources.get(smallest).hasNext() ? sources.get(smallest).next() : null;
                return mapping.apply(record);
            }
        }
    }
}
