"""The load test's users (``make load``; run by tests/load/run_load.py, not by pytest).

Each user is a volunteer of the demo STEK De Wissel on a tablet or phone, mixing the day's work:
one-tap counting (with a key per tap; one tap in ten is sent twice with the same key, as a
retry after a lost answer, and must count once), a signal in three taps, the public programme,
the rights check through the API, and a social-map search. Taps that the server acknowledged as
counted are counted here, client-side, and written to ``LOAD_RESULT`` at the end, so the runner
can compare them with the tally in the database.
"""

import json
import os
import random
import re
import threading
import uuid

from locust import HttpUser, between, events, task

from tests.factories.rights import example

SLUG = "de-wissel"
PASSWORD = "stek-demo-2026"
TALLY = {"counted": 0, "repeats": 0, "sent": 0}
LOCK = threading.Lock()
SESSIONS = [s for s in os.environ.get("LOAD_SESSIONS", "").split(",") if s]
SEARCHES = ["", "huur", "energie", "leefloon", "gezondheid", "kinderen", "werk"]


class Volunteer(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        with LOCK:  # a signed-in session made by the runner (one per user)
            session = SESSIONS.pop() if SESSIONS else None
        if session:
            self.client.cookies.set("sessionid", session, domain="127.0.0.1")
        else:  # no sessions given: sign in through the form
            page = self.client.get("/aanmelden/", name="login page").text
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            self.client.post(
                "/aanmelden/",
                {"csrfmiddlewaretoken": token, "username": "volunteer@stek.example",
                 "password": PASSWORD, "next": f"/s/{SLUG}/vandaag/"},
                headers={"Referer": self.host + "/aanmelden/"}, name="login",
            )  # fmt: skip
        page = self.client.get(f"/s/{SLUG}/vandaag/", name="vandaag").text
        self.categories = re.findall(r'name="category" value="(\d+)"', page)
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        signal = self.client.get(
            f"/s/{SLUG}/signalen/nieuw/?soort=problem&domein=energie", name="signal: taps 1-2"
        ).text
        self.topics = re.findall(r'name="topic" value="(\d+)"', signal)
        self.rights_body = json.dumps(example())

    def _post(self, path, data, name, **headers):
        return self.client.post(
            path,
            {"csrfmiddlewaretoken": self.token, **data},
            headers={"X-CSRFToken": self.token, "Referer": self.host + path, **headers},
            name=name,
        )

    @task(6)
    def tap(self):
        key = str(uuid.uuid4())
        data = {"session": "open", "category": random.choice(self.categories), "delta": "1",
                "key": key}  # fmt: skip
        path = f"/s/{SLUG}/vandaag/tel/"
        with LOCK:
            TALLY["sent"] += 1
        for attempt in range(2 if random.random() < 0.1 else 1):
            response = self._post(path, data, "tap" if not attempt else "tap (retry, same key)",
                                  **{"HX-Request": "true"})  # fmt: skip
            outcome = response.headers.get("X-Stek-Tap")
            with LOCK:
                if response.status_code == 200 and outcome == "counted":
                    TALLY["counted"] += 1
                elif response.status_code == 200 and outcome == "repeat":
                    TALLY["repeats"] += 1

    @task(2)
    def signal(self):
        path = f"/s/{SLUG}/signalen/nieuw/?soort=problem&domein=energie"
        self._post(path, {"kind": "problem", "life_domain": "energie", "source": "direct",
                          "topic": random.choice(self.topics)}, "signal: tap 3 (save)")  # fmt: skip

    @task(3)
    def programme(self):
        self.client.get(f"/{SLUG}/programma/", name="programme (public)")

    @task(2)
    def rights_check(self):
        self.client.post(
            "/api/v1/rights/check", data=self.rights_body, name="rights check (API)",
            headers={"Content-Type": "application/json"},
        )  # fmt: skip

    @task(2)
    def social_map(self):
        self.client.get(
            f"/s/{SLUG}/kaart/", params={"q": random.choice(SEARCHES)}, name="social map search"
        )


@events.test_stop.add_listener
def _write_tally(environment, **kwargs):
    path = os.environ.get("LOAD_RESULT")
    if path:
        with open(path, "w") as out:
            json.dump(TALLY, out)
