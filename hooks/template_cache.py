"""Hook: the theme's templates, compiled once and kept between builds.

Jinja compiles Material's templates again in every language's build, which costs more than
rendering a dozen pages. Its bytecode cache checks each template's source before use, so an
edited template is compiled afresh.
"""

from manual import templates
from manual.site import cache_dir


def on_env(env, config, files):
    env.bytecode_cache = templates.bytecode_cache(cache_dir(config, "templates"))
    return env
