"""Static files as production serves them, with each file's URL worked out once."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's compressed manifest storage. The manifest is fixed for the life of a
    deploy, yet every {% static %} tag on every page looked its file up in it again (a
    tenth of the run page's rendering): each URL is kept after the first time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self._urls:
            self._urls[name] = super().url(name)
        return self._urls[name]
