"""Vote storm: citizens sign in through the balancer and each casts the same ballot several times
(a double click, a retry, a second tab: the requests land on either node). Exactly one ballot per
citizen must be kept; every other attempt must be refused with the form's message, never a 5xx.

Usage: python3 storm.py BASE PREFIX CITIZENS BALLOTS_EACH PASSWORD EXERCISE OPTION_IDS WORKERS
Prints one line of key=value figures.
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter

BASE, PREFIX, CITIZENS, EACH, PASSWORD, EXERCISE, OPTIONS, WORKERS = sys.argv[1:9]
CITIZENS, EACH, WORKERS = int(CITIZENS), int(EACH), int(WORKERS)
OPTIONS = OPTIONS.split(",")
host, port = urllib.parse.urlparse(BASE).hostname, urllib.parse.urlparse(BASE).port
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
counts = Counter()
latencies = []
lock = threading.Lock()


class Browser:
    def __init__(self):
        self.connection = http.client.HTTPConnection(host, port, timeout=120)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(3):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(host, port, timeout=120)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, response.getheader("Location") or "", text


def citizen(number):
    browser = Browser()
    status, _, page = browser.request("GET", "/login")
    token = CSRF.search(page).group(1)
    status, location, _ = browser.request("POST", "/login", {
        "username": f"{PREFIX}{number:05d}", "password": PASSWORD, "_csrf": token})
    if status != 302 or "error" in location or "throttled" in location:
        with lock:
            counts["login_failed"] += 1
        return
    status, _, page = browser.request("GET", f"/participation/prioritisations/{EXERCISE}/vote")
    match = CSRF.search(page)
    if status != 200 or match is None:
        with lock:
            counts[f"form_{status}"] += 1
        return
    ballot = {"_csrf": match.group(1)}
    for option in OPTIONS[: 1 + number % len(OPTIONS)]:
        ballot[f"approve-{option}"] = "on"
    for _ in range(EACH):
        started = time.monotonic()
        status, location, page = browser.request("POST", f"/participation/prioritisations/{EXERCISE}/vote", ballot)
        elapsed = time.monotonic() - started
        with lock:
            latencies.append(elapsed)
            if status >= 500:
                counts["server_error"] += 1
            elif status == 302 and "/public/participation/prioritisations/" in location:
                counts["kept"] += 1
            elif status < 500 and "una papeleta por persona" in page:
                counts["refused_duplicate"] += 1
            else:
                counts[f"other_{status}"] += 1


def worker(numbers):
    for number in numbers:
        try:
            citizen(number)
        except Exception as e:  # a broken connection is an error of the run, counted, not hidden
            with lock:
                counts["exception"] += 1
            print(f"storm: citizen {number}: {e!r}", file=sys.stderr)


started = time.monotonic()
threads = [threading.Thread(target=worker, args=(range(1 + w, CITIZENS + 1, WORKERS),)) for w in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - started
latencies.sort()
p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else 0
attempts = len(latencies)
print(" ".join(f"{k}={v}" for k, v in sorted(counts.items()))
      + f" ballots_sent={attempts} seconds={elapsed:.1f} ballots_per_s={attempts / elapsed:.0f} p95_ms={p95:.0f}")
