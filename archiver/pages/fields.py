"""``@field``: a page object's columns as methods, gathered into the item (web-poet's idea).

A page object marks the method that computes each ``page`` column of the registry
(``archiver.columns``) with ``@field``, named after the column, and reads it as an attribute.
A field that other fields read too is a ``@cached_field``: computed on first use and kept on the
page object (one object reads one parsed document), so ``kind`` reading ``title``, ``media``
and ``category_path`` computes none of them twice.

``FieldPage`` resolves a class's fields once, when the class is defined: it checks that its
``record``'s page columns and its fields are the same names (one field per column, no field
without a column), failing with ``ColumnMismatch`` at import, and builds one ``attrgetter``
over them, so ``fields()`` costs no introspection per page.

Cost: ``field`` is a ``property`` (read through CPython's C slot, then the method);
``cached_field`` has a Python ``__get__``, ≈0.3 µs a first read, so it is kept for the few
fields read more than once.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from archiver.columns import PAGE, Row, check_columns, names

T = TypeVar("T")


class field(property, Generic[T]):  # lower case: used as a decorator, as web-poet's
    """The decorated method computes the column of its name, at each read."""

    if TYPE_CHECKING:  # typed reads; at run time property's own (C) __get__ serves them

        def __init__(self, method: Callable[[Any], T]) -> None: ...

        @overload
        def __get__(self, page: None, owner: type | None = None) -> field[T]: ...

        @overload
        def __get__(self, page: object, owner: type | None = None) -> T: ...

        def __get__(self, page: object, owner: type | None = None) -> T | field[T]: ...


class cached_field(Generic[T]):
    """A field computed on its first read and kept: for a field other fields read too.

    A non-data descriptor: the first read stores the value in the instance's ``__dict__``,
    which Python then finds before the descriptor, so later reads are plain attribute reads.
    """

    def __init__(self, method: Callable[[Any], T]) -> None:
        self.method = method
        self.name = method.__name__
        self.__doc__ = method.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, page: None, owner: type | None = None) -> cached_field[T]: ...

    @overload
    def __get__(self, page: object, owner: type | None = None) -> T: ...

    def __get__(self, page: object, owner: type | None = None) -> T | cached_field[T]:
        if page is None:
            return self
        value = page.__dict__[self.name] = self.method(page)
        return value


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of ``cls``, inherited ones included; the nearest definition of a name wins,
    so a subclass method without ``@field`` hides the field it overrides."""
    nearest: dict[str, bool] = {}
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            nearest.setdefault(name, isinstance(value, field | cached_field))
    return tuple(name for name, is_field in nearest.items() if is_field)


class FieldPage:
    """A page object whose ``page`` columns are ``@field`` methods, checked and resolved per
    class when it is defined; ``record`` is the row class whose page columns it fills."""

    record: ClassVar[type[Row]]
    _columns: ClassVar[tuple[str, ...]]
    _read: ClassVar[attrgetter[tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        columns = names(PAGE, record=cls.record)
        where = f"the @field methods of {cls.__module__}.{cls.__qualname__}"
        check_columns(field_names(cls), where, columns)
        cls._columns = columns
        # One C call reads every field (a record has Row's 25 page columns, so it is a tuple).
        cls._read = attrgetter(*columns)

    def fields(self) -> dict[str, Any]:
        """Every page column's value, in the registry's order."""
        return dict(zip(self._columns, self._read(self), strict=True))
