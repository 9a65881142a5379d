"""The moment of the build, one for everything that states it (feeds, the review page).

SOURCE_DATE_EPOCH (reproducible builds) fixes it; otherwise it is now, in UTC.
"""

from __future__ import annotations

import datetime
import os


def build_time() -> datetime.datetime:
    """Now, or SOURCE_DATE_EPOCH when set; whole seconds, UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.replace(microsecond=0)
