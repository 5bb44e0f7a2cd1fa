"""An act and its actors: the rows of the ``acts`` table (found by :mod:`pakru.acts.extract`)."""

from dataclasses import dataclass, field

from pakru.acts.codes import CAMEO, actor_code, alpha3, cow, goldstein, quad_class, root
from pakru.acts.policy import CodingRule, Part
from pakru.schema import DateInterval, Evidence, Location


@dataclass(frozen=True)
class Actor:
    """One side of an act: a country, the records that stand for it, and how it was found."""

    country: str | None
    """ISO 3166-1 alpha-2 code, or None (a multilateral body, or not derivable)."""
    records: tuple[str, ...]
    """Ids of the people or bodies acting, when the records name them."""
    names: tuple[str, ...]
    """Their names, as their records give them."""
    agent: str | None
    """CAMEO role code: GOV, MIL or IGO, or None for the country alone."""
    basis: str
    """How it was found: a key of :data:`pakru.acts.actors.ACTOR_BASES` (several joined by
    ", " when one refines another)."""

    @property
    def alpha3(self) -> str | None:
        """ISO 3166-1 alpha-3 code of the country."""
        return alpha3(self.country)

    @property
    def cow(self) -> int | None:
        """Correlates of War state number of the country."""
        return cow(self.country)

    @property
    def cameo(self) -> str | None:
        """CAMEO actor code, e.g. ``PAKGOV``, ``RUSMIL``, ``RUS``, ``IGO``."""
        return actor_code(self.alpha3, self.agent)

    @property
    def known(self) -> bool:
        """True when the actor has a country, is a body or has its own CAMEO code (a region)."""
        return self.country is not None or bool(self.records) or self.cameo is not None


@dataclass(frozen=True)
class Act:
    """One act: the record stating it, the rule coding it, its actors, date, place and quotes."""

    id: str
    record: str
    record_type: str
    part: Part
    rule: CodingRule
    status: str
    date: DateInterval
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    quotes: tuple[Evidence, ...]
    """The evidence items whose sentences trigger the code."""
    sentences: tuple[str, ...]
    """The sentences of those quotes that trigger the code."""
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    """Where in the record the act is stated (for findings)."""

    @property
    def code(self) -> str:
        """The CAMEO event code (acts only exist for rules with a code)."""
        assert self.rule.code is not None
        return self.rule.code

    @property
    def label(self) -> str:
        """The code's codebook label."""
        return CAMEO[self.code]

    @property
    def root(self) -> str:
        """The CAMEO root code."""
        return root(self.code)

    @property
    def quad_class(self) -> int:
        """QuadClass: 1 verbal cooperation, 2 material cooperation."""
        return quad_class(self.code)

    @property
    def goldstein(self) -> float:
        """The Goldstein score of the code."""
        return goldstein(self.code)

    @property
    def planned(self) -> bool:
        """True for an act announced but not (yet) done."""
        return self.status == "planned"

    @property
    def mutual(self) -> bool:
        """True when both actors did the act together (actor order is the record's)."""
        return self.rule.direction == "mutual"

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources whose quotes state the act, sorted."""
        return tuple(sorted({q.source for q in self.quotes}))
