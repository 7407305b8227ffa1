"""The kind of body that reports, and what its name says about it.

The rules of the 条例 and of the 立法法 depend on the kind of body: the deadline (第四十九条:
县级以上人民政府部门 by 1月31日, the report of a 县级以上地方人民政府 by 3月31日), who may make
规章 (国务院部门 and the people's governments of provinces, 设区的市 and 自治州), and what the
report of a 人民政府 must cover (第五十条第四项). A :class:`~govdisclosure.model.Report` says its
kind in ``agency_kind``; :func:`infer_agency_kind` reads it from the agency's name where the
name says it, and answers ``None`` where it does not — never a guess presented as fact.

>>> infer_agency_kind("江河市自然资源和规划局")
<AgencyKind.DEPARTMENT: 'department'>
>>> infer_agency_kind("上海市人民政府")
<AgencyKind.PROVINCIAL_GOVERNMENT: 'provincial-government'>
>>> infer_agency_kind("武昌区中南路街道办事处")
<AgencyKind.SUBDISTRICT_OFFICE: 'subdistrict-office'>
>>> infer_agency_kind("江河市不动产登记中心") is None
True
"""

from __future__ import annotations

import enum
import re
import unicodedata

__all__ = ["AgencyKind", "infer_agency_kind"]


class AgencyKind(enum.Enum):
    """The kind of body whose report it is.

    >>> AgencyKind("county-government").label
    '县级人民政府'
    >>> AgencyKind.CITY_GOVERNMENT.is_government, AgencyKind.DEPARTMENT.is_government
    (True, False)
    """

    STATE_COUNCIL_DEPARTMENT = "state-council-department"
    """国务院部门 (ministries, commissions and the bodies directly under the State Council)."""
    PROVINCIAL_GOVERNMENT = "provincial-government"
    """省级人民政府 (provinces, autonomous regions, the four municipalities)."""
    CITY_GOVERNMENT = "city-government"
    """市级人民政府: a 设区的市, 自治州, 地区 or 盟."""
    COUNTY_GOVERNMENT = "county-government"
    """县级人民政府: a 县, 自治县, 旗, 县级市 or 市辖区."""
    LOCAL_GOVERNMENT = "local-government"
    """A 县级以上地方人民政府 whose level the name does not tell (…市人民政府: a 设区的市 or a
    县级市)."""
    DEPARTMENT = "department"
    """政府部门: a department of a local 人民政府 (…局, …委员会, …办公室, …厅)."""
    TOWNSHIP_GOVERNMENT = "township-government"
    """乡镇人民政府."""
    SUBDISTRICT_OFFICE = "subdistrict-office"
    """街道办事处 (the agency of a 区 or 不设区的市 government in its 街道)."""
    AUTHORISED_ORGANISATION = "authorised-organisation"
    """法律、法规授权的具有管理公共事务职能的组织 (条例 第五十四条)."""
    UNKNOWN = "unknown"
    """Not said, and not read from the name."""

    @property
    def label(self) -> str:
        """The kind's name in Chinese."""
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        """The kind's name in English."""
        return _LABELS[self][1]

    @property
    def is_government(self) -> bool:
        """Whether it is a 人民政府 of some level (各级人民政府 of 第五十条), 乡镇 included."""
        return self in _GOVERNMENTS

    @property
    def is_local_government_above_county(self) -> bool:
        """Whether it is a 县级以上地方人民政府 (第四十九条: its report by 3月31日)."""
        return self in _GOVERNMENTS and self is not AgencyKind.TOWNSHIP_GOVERNMENT

    @property
    def is_grassroots(self) -> bool:
        """Whether it is a 乡镇人民政府 or a 街道办事处 (bodies 第四十九条 does not name)."""
        return self in (AgencyKind.TOWNSHIP_GOVERNMENT, AgencyKind.SUBDISTRICT_OFFICE)

    @property
    def makes_regulations(self) -> bool | None:
        """Whether the body may make 规章 (立法法 第九十一、九十三条): ``True`` for 国务院部门 and
        the governments of provinces, 设区的市 and 自治州; ``False`` for bodies that cannot;
        ``None`` when the kind does not tell (unknown, a 人民政府 of unknown level)."""
        return _REGULATIONS.get(self)


_LABELS = {
    AgencyKind.STATE_COUNCIL_DEPARTMENT: ("国务院部门", "State Council department"),
    AgencyKind.PROVINCIAL_GOVERNMENT: ("省级人民政府", "provincial people's government"),
    AgencyKind.CITY_GOVERNMENT: ("市级人民政府", "city people's government"),
    AgencyKind.COUNTY_GOVERNMENT: ("县级人民政府", "county people's government"),
    AgencyKind.LOCAL_GOVERNMENT: (
        "县级以上地方人民政府",
        "local people's government at county level or above",
    ),
    AgencyKind.DEPARTMENT: ("政府部门", "government department"),
    AgencyKind.TOWNSHIP_GOVERNMENT: ("乡镇人民政府", "township people's government"),
    AgencyKind.SUBDISTRICT_OFFICE: ("街道办事处", "subdistrict office"),
    AgencyKind.AUTHORISED_ORGANISATION: ("法律法规授权组织", "organisation authorised by law"),
    AgencyKind.UNKNOWN: ("未知", "unknown"),
}
_GOVERNMENTS = frozenset(
    {
        AgencyKind.PROVINCIAL_GOVERNMENT,
        AgencyKind.CITY_GOVERNMENT,
        AgencyKind.COUNTY_GOVERNMENT,
        AgencyKind.LOCAL_GOVERNMENT,
        AgencyKind.TOWNSHIP_GOVERNMENT,
    }
)
_REGULATIONS = {
    AgencyKind.STATE_COUNCIL_DEPARTMENT: True,
    AgencyKind.PROVINCIAL_GOVERNMENT: True,
    AgencyKind.CITY_GOVERNMENT: True,
    AgencyKind.COUNTY_GOVERNMENT: False,
    AgencyKind.DEPARTMENT: False,
    AgencyKind.TOWNSHIP_GOVERNMENT: False,
    AgencyKind.SUBDISTRICT_OFFICE: False,
    AgencyKind.AUTHORISED_ORGANISATION: False,
}

_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$")
_SUBDISTRICT = re.compile(r"街道(?:办事处|办)?$")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办公厅|办|厅|署)$")
_NATIONAL = re.compile(r"^(?:中华人民共和国|国务院|国家)")
_LOCALITY = re.compile(r"[省市县区旗州盟]")


def infer_agency_kind(name: str) -> AgencyKind | None:
    """The kind of body an agency's name says it is, or ``None`` when the name does not say.

    Read from the name's ending: …人民政府 (its level from the place: 省/自治区 and the four
    municipalities, 自治州/地区/盟, 县/区/旗, 乡/镇; a bare …市人民政府 is a
    :attr:`~AgencyKind.LOCAL_GOVERNMENT` of unknown level), …街道办事处, …局/委/办/厅
    (a department; a national one when the name has no place: 国家…局), …部 of the State
    Council. A 办公厅 of a 人民政府 is a department. Anything else (…中心, …院, …所) is ``None``.

    >>> def kinds(*names):
    ...     return [None if k is None else k.value for k in map(infer_agency_kind, names)]
    >>> kinds("湖北省人民政府", "恩施土家族苗族自治州人民政府", "江夏区人民政府", "咸宁市人民政府")
    ['provincial-government', 'city-government', 'county-government', 'local-government']
    >>> kinds("金口镇人民政府", "上海市人民政府办公厅", "教育部", "某某中心")
    ['township-government', 'department', 'state-council-department', None]
    >>> kinds("国家税务总局")
    ['state-council-department']
    >>> kinds("国家税务总局上海市税务局", "中南路街道办事处")
    ['department', 'subdistrict-office']
    """
    if not isinstance(name, str):
        raise TypeError(f"an agency's name is a str, got {name!r}")
    key = "".join(unicodedata.normalize("NFKC", name).split())
    if not key:
        return None
    if _SUBDISTRICT.search(key):
        return AgencyKind.SUBDISTRICT_OFFICE
    m = _GOVERNMENT.search(key)
    if m is not None:
        place = key[: m.start()]
        if not place:
            return None
        if place.endswith(("省", "自治区")) or place in _MUNICIPALITIES:
            return AgencyKind.PROVINCIAL_GOVERNMENT
        if place.endswith(("自治州", "地区", "盟")):
            return AgencyKind.CITY_GOVERNMENT
        if place.endswith(("县", "区", "旗")):
            return AgencyKind.COUNTY_GOVERNMENT
        if place.endswith(("乡", "镇")):
            return AgencyKind.TOWNSHIP_GOVERNMENT
        if place.endswith("市"):
            return AgencyKind.LOCAL_GOVERNMENT
        return None
    national = _NATIONAL.match(key)
    rest = key[national.end() :] if national else key
    if key.endswith(("总局", "部")) or (national and _DEPARTMENT.search(key)):
        if _LOCALITY.search(rest) is None:
            return AgencyKind.STATE_COUNCIL_DEPARTMENT
        return AgencyKind.DEPARTMENT if _DEPARTMENT.search(key) else None
    if _DEPARTMENT.search(key):
        return AgencyKind.DEPARTMENT
    return None
