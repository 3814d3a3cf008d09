"""Time from saving a file to the reload event of `nexehrs serve`, on a copy of this repository's spec."""
import http.client, json, os, re, signal, statistics, subprocess, sys, threading, time, queue

root, jar_launcher, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
proc = subprocess.Popen([jar_launcher, "serve", "--port", str(port), "--project", root],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
out_lines = []
ready = threading.Event()
def pump():
    for line in proc.stdout:
        out_lines.append(line.rstrip())
        if "serving http" in line: ready.set()
threading.Thread(target=pump, daemon=True).start()
t_start = time.time()
if not ready.wait(600): sys.exit("server did not start:\n" + "\n".join(out_lines))
print(f"first build and serving after {time.time() - t_start:.1f} s")

events = queue.Queue()
def listen():
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", "/_nexehrs/events")
    r = c.getresponse()
    name = ""
    while True:
        line = r.fp.readline().decode("utf-8")
        if not line: return
        line = line.rstrip("\n")
        if line.startswith("event: "): name = line[7:]
        elif line.startswith("data: "): events.put((time.time(), name, json.loads(line[6:])))
threading.Thread(target=listen, daemon=True).start()
assert events.get(timeout=30)[1] == "hello"

def rebuilds():
    return sum(1 for line in list(out_lines) if line.startswith("rebuilt in"))

def measure(path, page, edit):
    """Save, then time the first reload event naming the page; return once the full rebuild has finished too, so that
    the next save meets an idle server and no event of this one is taken for the next one's."""
    done = rebuilds()
    t0 = time.time()
    edit(path)
    while True:
        t, name, data = events.get(timeout=120)
        if name == "reload" and page in data["changed"]:
            shown = t - t0
            break
    deadline = time.time() + 120
    while rebuilds() == done and time.time() < deadline: time.sleep(0.01)
    everything = time.time() - t0
    time.sleep(0.3)
    while not events.empty(): events.get()
    return shown, everything, data

def append_paragraph(path):
    with open(path, "a", encoding="utf-8") as f: f.write(f"\n追記 {time.time()}。\n")

counter = [0]
def touch_description(path):
    counter[0] += 1 + int(time.time()) % 100000 * 10
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'("description"\s*:\s*")(\[改訂\d+\])?', lambda m: m.group(1) + f"[改訂{counter[0]}]", text, count=1)
    open(path, "w", encoding="utf-8").write(text)

def page_html(path): return os.path.basename(path)[:-5] + ".html"

doc = os.path.join(root, "spec/03-sharing.adoc")
leaf = os.path.join(root, "profiles/structuredefinitions/StructureDefinition-nexehrs-genomic-variant.json")
profile = os.path.join(root, "profiles/structuredefinitions/StructureDefinition-nexehrs-patient.json")
for label, path, page, edit in [("AsciiDoc", doc, "03-sharing.html", append_paragraph),
                                ("leaf profile (genomic-variant)", leaf, "StructureDefinition-nexehrs-genomic-variant.html", touch_description),
                                ("root profile (nexehrs-patient)", profile, "StructureDefinition-nexehrs-patient.html", touch_description)]:
    times, totals = [], []
    for i in range(rounds):
        dt, total, data = measure(path, page, edit)
        times.append(dt)
        totals.append(total)
        time.sleep(0.5)
    print(f"{label}: save -> reload event: " + ", ".join(f"{t*1000:.0f}" for t in times)
          + f" ms; median {statistics.median(times)*1000:.0f} ms; pages changed in the last: {len(data['changed'])}"
          + f"; save -> full rebuild done: median {statistics.median(totals)*1000:.0f} ms")
print("terminal (rebuild lines):")
for line in out_lines:
    if "rebuilt" in line or line.startswith("showed"): print("  " + line)
proc.send_signal(signal.SIGINT)
code = proc.wait(30)
time.sleep(0.2)
print(f"Ctrl-C: exit {code}; last lines: {out_lines[-2:]}")
