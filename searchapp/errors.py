"""One small exception hierarchy; every user-facing failure is one of these."""


class SearchAppError(Exception):
    """Base class. ``hint`` tells the user how to fix it, when we know."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint

    def __str__(self) -> str:  # message plus hint, for CLIs and logs
        base = super().__str__()
        return f"{base} ({self.hint})" if self.hint else base


class ConfigError(SearchAppError):
    """A setting has a value we cannot use."""


class IngestError(SearchAppError):
    """One input file could not be turned into articles; the reason is the message."""


class IndexMissingError(SearchAppError):
    """There is no usable index where we were told to look."""

    hint = "run `python -m searchapp.reindex` first"


class IndexBuildError(SearchAppError):
    """A build failed part-way; nothing was swapped in."""

    hint = "the previous index is unchanged; run the reindex again"


class IndexBusyError(SearchAppError):
    """Another reindex holds the index lock."""


class QueryError(SearchAppError):
    """The query cannot be run at all (empty, too long)."""


class ArticleNotFoundError(SearchAppError):
    """No article with that id in the index."""

    @classmethod
    def of(cls, article_id: str) -> "ArticleNotFoundError":
        return cls(f"ไม่มีข่าวรหัส {article_id!r} (no article with id {article_id!r})")
