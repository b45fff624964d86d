"""Stand-in for ml_collections.ConfigDict, enough for kipack's configs (bench/kipack_compare.py):
a dict with attribute access whose nested dicts are ConfigDicts too, and `update`."""


class ConfigDict(dict):
    def __init__(self, data=None, **kw):
        super().__init__()
        self.update(data or {}, **kw)

    def update(self, data=(), **kw):
        for k, v in dict(data, **kw).items():
            if isinstance(v, dict) and isinstance(self.get(k), ConfigDict):
                self[k].update(v)
            else:
                self[k] = ConfigDict(v) if isinstance(v, dict) and not isinstance(v, ConfigDict) else v

    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError as e:
            raise AttributeError(k) from e

    def __setattr__(self, k, v):
        self[k] = v
