"""Stand-in for absl.logging: kipack's info messages are dropped."""


def info(*_args, **_kw):
    pass


def warning(*_args, **_kw):
    pass
