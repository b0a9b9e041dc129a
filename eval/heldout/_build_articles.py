"""Builds articles.jsonl (held-out gold)."""

import json
import pathlib

from _build_sentences import E, lastweek, wd

ARTS = []


def A(aid, pub, src, title, ph, paragraphs):
    text = "\n\n".join(" ".join(s for s, _ in para) for para in paragraphs)
    evs = []
    for para in paragraphs:
        for s, es in para:
            for e in es:
                e = dict(e)
                e["sentence"] = s
                evs.append(e)
    ARTS.append(
        {
            "id": aid,
            "published": pub,
            "source": src,
            "title": title,
            "text": text,
            "phenomena": ph,
            "events": evs,
        }
    )


# ---- A: South China Sea ----
p = "2024-06-19"
MON = wd(p, "Monday")
TUE = wd(p, "Tuesday")
STS = "Second Thomas Shoal"
A(
    "h-a-01",
    p,
    "Pacific Rim Press",
    "Manila protests after Chinese coast guard seizes rifles at disputed shoal",
    [
        "reported_speech",
        "two_events",
        "coordination",
        "negation",
        "apposition",
        "office_holder",
        "metonym",
        "relative_date",
        "future",
        "pronoun",
    ],
    [
        [
            (
                "Chinese coast guard personnel seized seven rifles from two Philippine navy boats near Second Thomas Shoal on Monday, the Philippine military said.",
                [
                    E(
                        "COERCE",
                        "seize",
                        "seized",
                        "CHN",
                        "COP",
                        "PHL",
                        "MIL",
                        MON,
                        "on Monday",
                        mod="claimed",
                        cl="PHL",
                        place=STS,
                        pc=None,
                    )
                ],
            ),
            (
                "Armed with knives and axes, the Chinese crews also punctured the boats' inflatable hulls and injured several Filipino sailors, one of whom lost a thumb.",
                [
                    E(
                        "ASSAULT",
                        "destroy",
                        "punctured",
                        "CHN",
                        "COP",
                        "PHL",
                        "MIL",
                        MON,
                        None,
                        place=STS,
                        pc=None,
                    ),
                    E(
                        "ASSAULT",
                        "primitive",
                        "injured",
                        "CHN",
                        "COP",
                        "PHL",
                        "MIL",
                        MON,
                        None,
                        place=STS,
                        pc=None,
                    ),
                ],
            ),
        ],
        [
            (
                "Manila condemned the attack as an act of aggression, and its foreign ministry summoned China's deputy ambassador on Tuesday.",
                [
                    E("ACCUSE", "disapprove", "condemned", "PHL", "GOV", "CHN", "GOV"),
                    E("ACCUSE", "disapprove", "summoned", "PHL", "GOV", "CHN", "GOV", TUE, "on Tuesday"),
                ],
            ),
            (
                "China's foreign ministry denied that its personnel had used excessive force, saying the coast guard had acted professionally.",
                [
                    E(
                        "ASSAULT",
                        None,
                        "used excessive force",
                        "CHN",
                        "COP",
                        "PHL",
                        "MIL",
                        neg=True,
                        mod="claimed",
                        cl="CHN",
                    )
                ],
            ),
        ],
        [
            (
                "Philippine Foreign Secretary Enrique Manalo spoke by telephone with US Secretary of State Antony Blinken on Tuesday, and Washington reaffirmed its commitment to defend its ally.",
                [
                    E(
                        "CONSULT",
                        "phone",
                        "spoke by telephone",
                        "PHL",
                        "GOV",
                        "USA",
                        "GOV",
                        TUE,
                        "on Tuesday",
                    ),
                    E("SUPPORT", None, "reaffirmed its commitment", "USA", "GOV", "PHL", "GOV", TUE, None),
                ],
            ),
            (
                "Japan and Australia also criticised China's actions.",
                [
                    E("ACCUSE", "disapprove", "criticised", "JPN", "GOV", "CHN", "GOV"),
                    E("ACCUSE", "disapprove", "criticised", "AUS", "GOV", "CHN", "GOV"),
                ],
            ),
        ],
        [
            (
                "Beijing has repeatedly warned Manila against reinforcing the BRP Sierra Madre, a rusting warship grounded on the shoal as a military outpost.",
                [E("THREATEN", None, "warned", "CHN", "GOV", "PHL", "GOV")],
            ),
            (
                "Diplomats from the two countries are due to meet in Manila early next month to discuss ways of easing tensions.",
                [
                    E(
                        "CONSULT",
                        "visit",
                        "meet",
                        "CHN",
                        "GOV",
                        "PHL",
                        "GOV",
                        "2024-07",
                        "early next month",
                        mod="planned",
                        place="Manila",
                        pc="PHL",
                    ),
                    E(
                        "CONSULT",
                        "visit",
                        "meet",
                        "PHL",
                        "GOV",
                        "CHN",
                        "GOV",
                        "2024-07",
                        "early next month",
                        mod="planned",
                        place="Manila",
                        pc="PHL",
                    ),
                ],
            ),
        ],
    ],
)

# ---- B: Eastern Congo ----
p = "2025-02-03"
A(
    "h-a-02",
    p,
    "Great Lakes Post",
    "Goma falls to M23 as Congo blames Rwanda and regional leaders prepare summit",
    [
        "apposition",
        "coordination",
        "two_events",
        "metonym",
        "relative_date",
        "future",
        "no_event",
        "office_holder",
    ],
    [
        [
            (
                "M23 rebels seized most of Goma, the largest city in eastern Congo, last week.",
                [
                    E(
                        "COERCE",
                        "seize",
                        "seized",
                        "COD",
                        "REB",
                        "COD",
                        None,
                        lastweek(p),
                        "last week",
                        place="Goma",
                        pc="COD",
                    )
                ],
            ),
            (
                "Congo's government accused Rwanda of sending thousands of soldiers to fight alongside the rebels.",
                [
                    E("ACCUSE", "allege", "accused", "COD", "GOV", "RWA", "GOV"),
                    E("MOBILIZE", "troops", "sending", "RWA", "MIL", None, None, mod="claimed", cl="COD"),
                ],
            ),
            (
                "Rwanda denied the accusation and said its forces were only protecting the border.",
                [E("REJECT", None, "denied", "RWA", "GOV", "COD", "GOV")],
            ),
        ],
        [
            (
                "On Tuesday, protesters in Kinshasa set fire to parts of several embassies, including those of Rwanda, France and the United States.",
                [
                    E(
                        "PROTEST",
                        "vandalize",
                        "set fire",
                        "COD",
                        "CVL",
                        t,
                        "GOV",
                        "2025-01-28",
                        "On Tuesday",
                        place="Kinshasa",
                        pc="COD",
                    )
                    for t in ("RWA", "FRA", "USA")
                ],
            ),
            (
                "The UN Security Council called for the withdrawal of external forces from Congolese territory.",
                [E("REQUEST", "yield", "called for", "UN", "IGO", None, None)],
            ),
        ],
        [
            (
                "South Africa, whose peacekeepers lost 14 soldiers in the fighting, warned Rwanda that any further attack on its troops would be treated as a declaration of war.",
                [E("THREATEN", "violence", "warned", "ZAF", "GOV", "RWA", "GOV")],
            ),
            (
                "Kigali dismissed the warning as distorted.",
                [E("REJECT", None, "dismissed", "RWA", "GOV", "ZAF", "GOV")],
            ),
            (
                "Leaders of the East African Community are due to meet in Dar es Salaam on Saturday to discuss the crisis.",
                [
                    E(
                        "CONSULT",
                        "multilateral",
                        "meet",
                        "EAC",
                        "IGO",
                        None,
                        None,
                        "2025-02-08",
                        "on Saturday",
                        mod="planned",
                        place="Dar es Salaam",
                        pc="TZA",
                    )
                ],
            ),
            ("The United Nations says hundreds of people have been killed in Goma.", []),
        ],
    ],
)

# ---- C: Kyrgyzstan-Tajikistan ----
p = "2025-03-14"
THU = wd(p, "Thursday")
WED = wd(p, "Wednesday")
A(
    "h-a-03",
    p,
    "Steppe Herald",
    "Kyrgyzstan and Tajikistan sign border treaty after years of clashes",
    ["coordination", "pronoun", "office_holder", "apposition", "relative_date", "no_event", "negation"],
    [
        [
            (
                "Kyrgyzstan and Tajikistan signed a treaty in Bishkek on Thursday settling their long-disputed border.",
                [
                    E(
                        "AGREE",
                        None,
                        "signed",
                        "KGZ",
                        "GOV",
                        "TJK",
                        "GOV",
                        THU,
                        "on Thursday",
                        place="Bishkek",
                        pc="KGZ",
                    ),
                    E(
                        "AGREE",
                        None,
                        "signed",
                        "TJK",
                        "GOV",
                        "KGZ",
                        "GOV",
                        THU,
                        "on Thursday",
                        place="Bishkek",
                        pc="KGZ",
                    ),
                ],
            ),
            (
                "Tajik President Emomali Rahmon arrived in Bishkek on Wednesday for a two-day state visit, his first since the fighting.",
                [
                    E(
                        "CONSULT",
                        "visit",
                        "arrived",
                        "TJK",
                        "GOV",
                        "KGZ",
                        "GOV",
                        WED,
                        "on Wednesday",
                        place="Bishkek",
                        pc="KGZ",
                    )
                ],
            ),
            (
                "He and his Kyrgyz counterpart Sadyr Japarov also agreed to reopen border crossings and restore air links.",
                [
                    E("AGREE", None, "agreed", "TJK", "GOV", "KGZ", "GOV"),
                    E("AGREE", None, "agreed", "KGZ", "GOV", "TJK", "GOV"),
                ],
            ),
        ],
        [
            (
                "Uzbek President Shavkat Mirziyoyev welcomed the agreement.",
                [
                    E("SUPPORT", None, "welcomed", "UZB", "GOV", "KGZ", "GOV"),
                    E("SUPPORT", None, "welcomed", "UZB", "GOV", "TJK", "GOV"),
                ],
            ),
            (
                "Russia's foreign ministry praised both governments for what it called their political will.",
                [
                    E("SUPPORT", None, "praised", "RUS", "GOV", "KGZ", "GOV"),
                    E("SUPPORT", None, "praised", "RUS", "GOV", "TJK", "GOV"),
                ],
            ),
            ("The text of the treaty has not been published.", []),
        ],
        [
            (
                "In September 2022, Kyrgyz and Tajik forces fought with tanks, artillery and drones along the frontier, leaving about 100 people dead.",
                [
                    E(
                        "ASSAULT",
                        "heavy-weapons",
                        "fought",
                        "KGZ",
                        "MIL",
                        "TJK",
                        "MIL",
                        "2022-09",
                        "In September 2022",
                    ),
                    E(
                        "ASSAULT",
                        "heavy-weapons",
                        "fought",
                        "TJK",
                        "MIL",
                        "KGZ",
                        "MIL",
                        "2022-09",
                        "In September 2022",
                    ),
                ],
            )
        ],
    ],
)

# ---- D: Nagorno-Karabakh ----
p = "2023-09-22"
TUE = wd(p, "Tuesday")
WED = wd(p, "Wednesday")
THU = wd(p, "Thursday")
A(
    "h-a-04",
    p,
    "Caucasus Courier",
    "Karabakh separatists lay down arms after Azerbaijani offensive",
    [
        "relative_date",
        "coordination",
        "reported_speech",
        "office_holder",
        "two_events",
        "pronoun",
        "no_event",
        "metonym",
    ],
    [
        [
            (
                "Azerbaijani forces pounded ethnic Armenian separatist positions in Nagorno-Karabakh with artillery and drones on Tuesday.",
                [
                    E(
                        "ASSAULT",
                        "heavy-weapons",
                        "pounded",
                        "AZE",
                        "MIL",
                        "AZE",
                        "REB",
                        TUE,
                        "on Tuesday",
                        place="Nagorno-Karabakh",
                        pc="AZE",
                    )
                ],
            ),
            (
                "The separatists agreed to a ceasefire with Baku on Wednesday.",
                [E("AGREE", None, "agreed", "AZE", "REB", "AZE", "GOV", WED, "on Wednesday")],
            ),
            (
                "Representatives of the two sides held talks in the Azerbaijani town of Yevlakh on Thursday, with Russian peacekeepers mediating.",
                [
                    E(
                        "CONSULT",
                        "third-party",
                        "held talks",
                        "AZE",
                        "REB",
                        "AZE",
                        "GOV",
                        THU,
                        "on Thursday",
                        place="Yevlakh",
                        pc="AZE",
                    ),
                    E(
                        "CONSULT",
                        "third-party",
                        "held talks",
                        "AZE",
                        "GOV",
                        "AZE",
                        "REB",
                        THU,
                        "on Thursday",
                        place="Yevlakh",
                        pc="AZE",
                    ),
                    E(
                        "CONSULT",
                        "third-party",
                        "mediating",
                        "RUS",
                        "MIL",
                        "AZE",
                        "REB",
                        THU,
                        "on Thursday",
                        place="Yevlakh",
                        pc="AZE",
                    ),
                    E(
                        "CONSULT",
                        "third-party",
                        "mediating",
                        "RUS",
                        "MIL",
                        "AZE",
                        "GOV",
                        THU,
                        "on Thursday",
                        place="Yevlakh",
                        pc="AZE",
                    ),
                ],
            ),
        ],
        [
            (
                "In Yerevan, thousands of protesters blocked streets on Wednesday, angry at Prime Minister Nikol Pashinyan's handling of the crisis.",
                [
                    E(
                        "PROTEST",
                        "obstruct",
                        "blocked",
                        "ARM",
                        "CVL",
                        "ARM",
                        "GOV",
                        WED,
                        "on Wednesday",
                        place="Yerevan",
                        pc="ARM",
                    )
                ],
            ),
            (
                "Police detained dozens of demonstrators, the interior ministry said.",
                [
                    E(
                        "COERCE",
                        "arrest",
                        "detained",
                        "ARM",
                        "COP",
                        "ARM",
                        "CVL",
                        WED,
                        None,
                        mod="claimed",
                        cl="ARM",
                        place="Yerevan",
                        pc="ARM",
                    )
                ],
            ),
        ],
        [
            (
                "The European Union urged Baku to guarantee the rights and security of Karabakh's Armenian population.",
                [E("REQUEST", "change", "urged", "EU", "IGO", "AZE", "GOV")],
            ),
            (
                "Azerbaijan's President Ilham Aliyev said the operation had restored the country's sovereignty.",
                [],
            ),
            (
                "Turkey's President Recep Tayyip Erdogan telephoned Aliyev on Wednesday to congratulate him.",
                [
                    E("CONSULT", "phone", "telephoned", "TUR", "GOV", "AZE", "GOV", WED, "on Wednesday"),
                    E("SUPPORT", None, "congratulate", "TUR", "GOV", "AZE", "GOV", WED, "on Wednesday"),
                ],
            ),
        ],
    ],
)

out = pathlib.Path(__file__).with_name("articles.jsonl")
out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTS))
from collections import Counter

for a in ARTS:
    print(
        a["id"],
        len([s for para in a["text"].split("\n\n") for s in para.split(". ")]),
        "approx sentences",
        len(a["events"]),
        "events",
    )
c = Counter(e["event_type"] for a in ARTS for e in a["events"])
print(sum(c.values()), dict(sorted(c.items())))
for a in ARTS:
    for e in a["events"]:
        assert e["sentence"] in a["text"]
        if e["date_text"]:
            assert e["date_text"] in e["sentence"], e
        assert e["trigger"].split()[0] in e["sentence"], e
