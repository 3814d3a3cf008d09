package jp.nexehrs.serve;

import jp.nexehrs.report.Finding;
import jp.nexehrs.util.Plural;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Adds, to HTML pages as they are served (never to the files in build/site), the live-reload script and, when
 * the last build had errors, an overlay listing them with file and line. The script listens to the server's
 * events, reloads the tab when its page changed (or the problems did), and keeps the scroll position across the
 * reload in sessionStorage.
 */
final class PageDecorator {
    static final String EVENTS_PATH = "/_nexehrs/events";
    private static final int OVERLAY_LIMIT = 50;

    private static final String SCRIPT = """
            <script id="nexehrs-live">
            (function () {
              var generation = %d;
              var page = location.pathname.replace(/^\\//, '');
              if (page === '' || page.slice(-1) === '/') page += 'index.html';
              var key = 'nexehrs-scroll:' + location.pathname;
              window.addEventListener('load', function () {
                var saved = sessionStorage.getItem(key);
                if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, parseInt(saved, 10) || 0); }
              });
              function reload() { sessionStorage.setItem(key, String(window.scrollY)); location.reload(); }
              var events = new EventSource('%s');
              events.addEventListener('hello', function (e) {
                if (JSON.parse(e.data).generation !== generation) reload();
              });
              events.addEventListener('reload', function (e) {
                var change = JSON.parse(e.data);
                if (change.all || change.changed.indexOf(decodeURIComponent(page)) >= 0) reload();
                else generation = change.generation;
              });
              var overlay = document.getElementById('nexehrs-overlay');
              if (overlay) overlay.addEventListener('click', function () { overlay.remove(); });
            })();
            </script>
            """;

    private static final String OVERLAY_STYLE = "position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;z-index:2147483647;"
            + "background:#2b0b0b;color:#ffd7d7;font:13px/1.5 monospace;padding:12px 16px;border-bottom:3px solid #e44;"
            + "white-space:pre-wrap;cursor:pointer";

    private PageDecorator() {
    }

    static byte[] decorate(byte[] html, SiteState state) {
        String page = new String(html, StandardCharsets.UTF_8);
        String addition = overlay(state) + SCRIPT.formatted(state.generation(), EVENTS_PATH);
        int body = page.lastIndexOf("</body>");
        String decorated = body < 0 ? page + addition : page.substring(0, body) + addition + page.substring(body);
        return decorated.getBytes(StandardCharsets.UTF_8);
    }

    private static String overlay(SiteState state) {
        if (!state.hasProblems()) return "";
        StringBuilder out = new StringBuilder("<div id=\"nexehrs-overlay\" role=\"alert\" title=\"クリックで閉じる / click to close\" style=\"")
                .append(OVERLAY_STYLE).append("\">");
        if (!state.failure().isEmpty()) {
            out.append("<strong>nexehrs: the build stopped; this is the last site that built</strong>\n").append(escape(state.failure())).append('\n');
        }
        List<Finding> errors = state.errors();
        if (!errors.isEmpty()) {
            out.append("<strong>nexehrs: ").append(Plural.of(errors.size(), "error")).append("</strong>\n");
            errors.stream().limit(OVERLAY_LIMIT).forEach(e -> out.append(escape(e.toLine())).append('\n'));
            if (errors.size() > OVERLAY_LIMIT) out.append("… and ").append(errors.size() - OVERLAY_LIMIT).append(" more (see the terminal)\n");
        }
        return out.append("</div>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
