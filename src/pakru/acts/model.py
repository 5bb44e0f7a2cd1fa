"""An act and its actors: the rows of the ``acts`` table (found by :mod:`pakru.acts.extract`)."""

from dataclasses import dataclass, field

from pakru.acts.codes import CAMEO, actor_code, alpha3, cow, goldstein, quad_class, root
from pakru.acts.plover import Plover, crosswalk
from pakru.acts.policy import CodingRule, Part
from pakru.schema import DateInterval, Evidence, Location

RETROSPECTIVE_DAYS = 31
"""An act that ended more than this many days before the first report stating it was
published is a background mention (``retrospective``): news reports the last month's
acts; what they recall from further back (ties renewed in 2007, an accord of 2014) is
context, which event datasets such as ICEWS and POLECAT leave out or flag."""


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
    """When the act was done or, for an intent or a plan, stated (not the planned event's
    date: that is :attr:`plan`)."""
    location: Location | None
    """Where the act was done or, for an intent, stated (None: not known)."""
    actor1: Actor | None
    actor2: Actor | None
    quotes: tuple[Evidence, ...]
    """The evidence items whose sentences trigger the code."""
    sentences: tuple[str, ...]
    """The sentences of those quotes that trigger the code."""
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    """Where in the record the act is stated (for findings)."""
    group: str | None = None
    """The id shared by the directed rows of one two-sided act (None: the act's own id)."""
    plan: DateInterval | None = None
    """For an act announcing a planned event (a meeting to be held): the planned event's
    interval; :attr:`date` is then when the plan was stated."""
    reported: DateInterval | None = None
    """The publication interval of the reports stating the act (first to last);
    None when no report prints its date."""
    plan_location: Location | None = None
    """For an act announcing a planned event: the planned event's place; :attr:`location`
    is then where the plan was stated (the announcing meeting's place)."""
    realises: str | None = None
    """For an act of a held meeting that carried out a planned one (its ``realises``): the
    planned meeting's id."""
    realised_by: str | None = None
    """For an act of a planned meeting a held one carried out: the held meeting's id
    (the first of ``ds.realised_by``)."""

    @property
    def group_id(self) -> str:
        """The id of the act this directed row belongs to (its own id for a one-way act)."""
        return self.group or self.id

    @property
    def reciprocal(self) -> bool:
        """True for one of the two directed rows of a two-sided act (actors reversed)."""
        return self.group is not None

    @property
    def retrospective(self) -> bool | None:
        """True when the act is a background mention: it ended more than
        :data:`RETROSPECTIVE_DAYS` days before the first report stating it was published.
        None when the act's last possible day or the report's date is unknown."""
        if self.date.latest is None or self.reported is None or self.reported.earliest is None:
            return None
        return (self.reported.earliest - self.date.latest).days > RETROSPECTIVE_DAYS

    @property
    def plover(self) -> Plover:
        """The act's PLOVER event type, mode and context (:mod:`pakru.acts.plover`)."""
        return crosswalk(self.code, self.label)

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
        """True when the coding rule has both actors do the act together: such an act is
        two directed rows (:attr:`reciprocal`), one each way."""
        return self.rule.direction == "mutual"

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources whose quotes state the act, sorted."""
        return tuple(sorted({q.source for q in self.quotes}))
