"""Hook: the offline edition, opened from files without a server (MANUAL_OFFLINE=true).

Material's offline plugin fetches its file:// worker stand-in from a CDN and inlines only the
root search index; the manual ships the stand-in and gives each language its own inlined index.
"""

from mkdocs.plugins import event_priority

from manual.offline import SHIM
from manual.site import offline


@event_priority(10)  # before Material's offline plugin, which adds the CDN copy when none is given
def on_config(config):
    if offline(config):
        config.extra["polyfills"] = [SHIM]
    return config
