#!/usr/bin/env python3
"""Top hot spots of a JFR recording: where the CPU samples (jdk.ExecutionSample) are spent.

    tooling/bench/jfr-hotspots.py recording.jfr [top] [package-prefix ...]

Prints three tables: self time by method (the top frame), inclusive time by method (a method counted once per
sample wherever it is on the stack), both restricted to the given package prefixes (default: FHIR, HAPI and
nexehrs code), and the share of samples per thread. Needs `jfr` (the JDK's tool) on the PATH.
"""
import collections
import json
import subprocess
import sys


def samples(recording):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        thread = (event["values"].get("sampledThread") or {}).get("javaName", "?")
        yield thread, [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    prefixes = tuple(sys.argv[3:]) or ("org.hl7.fhir", "ca.uhn.fhir", "org.hl7.fhir.common", "jp.nexehrs")
    self_time, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(recording):
        total += 1
        threads[thread.split("-")[0]] += 1
        if frames:
            self_time[frames[0]] += 1
        for method in set(frames):
            if method.startswith(prefixes):
                inclusive[method] += 1
    print(f"{total} CPU samples in {recording}")
    for title, counter in (("self (top frame)", self_time), ("inclusive, " + ", ".join(prefixes), inclusive)):
        print(f"\n| {title} | samples | share |\n| --- | ---: | ---: |")
        for method, count in counter.most_common(top):
            print(f"| `{method}` | {count} | {100.0 * count / total:.1f}% |")
    print("\n| thread | samples |\n| --- | ---: |")
    for thread, count in threads.most_common(10):
        print(f"| {thread} | {count} |")


if __name__ == "__main__":
    main()
