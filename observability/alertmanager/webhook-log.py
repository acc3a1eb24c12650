"""The local Alertmanager's receiver: prints every notification (one JSON line per alert) and answers 200.

Runs in docker-compose.yml as `alert-log` (python:3-alpine, standard library only); read it with
`docker compose logs -f alert-log`.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            notification = json.loads(body)
            for alert in notification.get("alerts", []):
                print(json.dumps({
                    "status": alert.get("status"),
                    "alertname": alert.get("labels", {}).get("alertname"),
                    "severity": alert.get("labels", {}).get("severity"),
                    "labels": alert.get("labels", {}),
                    "summary": alert.get("annotations", {}).get("summary"),
                    "startsAt": alert.get("startsAt"),
                }, ensure_ascii=False), flush=True)
        except ValueError:
            print(body.decode("utf-8", "replace"), flush=True)
        self.send_response(200)
        self.end_headers()

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    print("alert-log: listening on :8080", file=sys.stderr, flush=True)
    HTTPServer(("0.0.0.0", 8080), Receiver).serve_forever()
