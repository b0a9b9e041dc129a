"""Builds sentences.jsonl (held-out gold). Dates are computed, not typed, to avoid weekday slips."""

import datetime as dt
import json
import pathlib

WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def wd(pub, name):
    d = dt.date.fromisoformat(pub)
    for k in range(1, 8):
        x = d - dt.timedelta(days=k)
        if WD[x.weekday()] == name:
            return x.isoformat()


def lastweek(pub):
    d = dt.date.fromisoformat(pub)
    mon = d - dt.timedelta(days=d.weekday() + 7)
    return f"{mon.isoformat()}/{(mon + dt.timedelta(days=6)).isoformat()}"


def nextweek(pub):
    d = dt.date.fromisoformat(pub)
    mon = d - dt.timedelta(days=d.weekday() - 7)
    return f"{mon.isoformat()}/{(mon + dt.timedelta(days=6)).isoformat()}"


def prec(date):
    if date is None:
        return None
    if "/" in date:
        return "range"
    return {10: "day", 7: "month", 4: "year"}[len(date)]


def E(
    t,
    mode,
    trig,
    s,
    ss,
    tg,
    ts,
    date=None,
    dtext=None,
    neg=False,
    mod="asserted",
    cl=None,
    place=None,
    pc=None,
):
    return {
        "event_type": t,
        "mode": mode,
        "trigger": trig,
        "source": s,
        "source_sector": ss,
        "target": tg,
        "target_sector": ts,
        "negated": neg,
        "modality": mod,
        "claimant": cl,
        "date": date,
        "date_precision": prec(date),
        "date_text": dtext,
        "place": place,
        "place_country": pc,
    }


DOCS = []


def S(pub, src, text, ph, *events):
    DOCS.append(
        {"id": None, "published": pub, "source": src, "text": text, "phenomena": ph, "events": list(events)}
    )


# ---------------- ACCUSE ----------------
p = "2024-11-20"
S(
    p,
    "Gulf of Guinea Monitor",
    "Ghana's foreign ministry summoned Burkina Faso's ambassador in Accra on Tuesday after Burkinabe soldiers allegedly fired on a Ghanaian customs post.",
    ["two_events", "hedge", "relative_date"],
    E(
        "ACCUSE",
        "disapprove",
        "summoned",
        "GHA",
        "GOV",
        "BFA",
        "GOV",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Accra",
        pc="GHA",
    ),
    E("ASSAULT", "firearms", "fired", "BFA", "MIL", "GHA", "GOV", mod="alleged"),
)
p = "2024-07-05"
S(
    p,
    "Pacific Rim Press",
    "Beijing sharply criticised Manila on Thursday, calling recent Philippine statements on the South China Sea irresponsible and provocative.",
    ["metonym", "relative_date"],
    E("ACCUSE", "disapprove", "criticised", "CHN", "GOV", "PHL", "GOV", wd(p, "Thursday"), "on Thursday"),
)
p = "2024-03-06"
S(
    p,
    "Dnipro Bulletin",
    "Ukraine's security service said on Tuesday it had opened a criminal case in absentia against a senior Russian commander.",
    ["reported_speech", "relative_date"],
    E("ACCUSE", "investigate", "opened a criminal case", "UKR", "SPY", "RUS", "MIL", mod="claimed", cl="UKR"),
)
p = "2025-04-08"
S(
    p,
    "Sahel Observer",
    "Mali's military government accused Algeria on Monday of shooting down a Malian army drone near the border town of Tinzaouaten.",
    ["two_events", "relative_date"],
    E("ACCUSE", "allege", "accused", "MLI", "GOV", "DZA", "GOV", wd(p, "Monday"), "on Monday"),
    E(
        "ASSAULT",
        "aerial",
        "shooting down",
        "DZA",
        "MIL",
        "MLI",
        "MIL",
        mod="claimed",
        cl="MLI",
        place="Tinzaouaten",
        pc="MLI",
    ),
)
p = "2024-02-26"
S(
    p,
    "Caucasus Courier",
    "Armenian Prime Minister Nikol Pashinyan criticised the Collective Security Treaty Organisation for failing to defend his country's borders.",
    ["office_holder", "pronoun"],
    E("ACCUSE", "disapprove", "criticised", "ARM", "GOV", "CSTO", "IGO"),
)
p = "2024-09-14"
S(
    p,
    "Lowlands Gazette",
    "The Dutch ambassador was summoned to the foreign ministry in Moscow on Friday over what the ministry called hostile statements by officials in The Hague.",
    ["passive", "relative_date"],
    E(
        "ACCUSE",
        "disapprove",
        "summoned",
        "RUS",
        "GOV",
        "NLD",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        place="Moscow",
        pc="RUS",
    ),
)
p = "2025-06-03"
S(
    p,
    "Andean Dispatch",
    "Bolivian prosecutors have opened an investigation into former president Evo Morales on terrorism charges.",
    ["office_holder"],
    E("ACCUSE", "investigate", "opened an investigation", "BOL", "JUD", "BOL", "OPP"),
)
p = "2025-09-16"
S(
    p,
    "Baltic Wire",
    "In a note delivered on Monday, Tallinn protested to Moscow over remarks by Russian officials questioning Estonia's borders.",
    ["metonym", "relative_date", "nominal"],
    E("ACCUSE", "disapprove", "protested", "EST", "GOV", "RUS", "GOV", wd(p, "Monday"), "on Monday"),
)

# ---------------- AGREE ----------------
p = "2025-08-09"
S(
    p,
    "Caucasus Courier",
    "Armenia and Azerbaijan initialled the text of a peace treaty at a ceremony in Washington on Friday.",
    ["coordination", "relative_date"],
    E(
        "AGREE",
        None,
        "initialled",
        "ARM",
        "GOV",
        "AZE",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        place="Washington",
        pc="USA",
    ),
    E(
        "AGREE",
        None,
        "initialled",
        "AZE",
        "GOV",
        "ARM",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        place="Washington",
        pc="USA",
    ),
)
p = "2024-12-12"
S(
    p,
    "Horn Review",
    "Ethiopia and Somalia agreed in Ankara to work together to end their dispute over access to the sea, Turkish President Recep Tayyip Erdogan said.",
    ["coordination", "reported_speech", "office_holder"],
    E("AGREE", None, "agreed", "ETH", "GOV", "SOM", "GOV", mod="claimed", cl="TUR", place="Ankara", pc="TUR"),
    E("AGREE", None, "agreed", "SOM", "GOV", "ETH", "GOV", mod="claimed", cl="TUR", place="Ankara", pc="TUR"),
)
p = "2025-09-25"
S(
    p,
    "Archipelago Times",
    "Indonesia signed a comprehensive economic partnership agreement with the European Union in Bali on Tuesday.",
    ["relative_date"],
    E(
        "AGREE",
        None,
        "signed",
        "IDN",
        "GOV",
        "EU",
        "IGO",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Bali",
        pc="IDN",
    ),
)
p = "2025-06-30"
S(
    p,
    "Great Lakes Post",
    "Kinshasa and Kigali did not sign the planned regional economic framework on Friday, a US official said.",
    ["negation", "metonym", "coordination", "reported_speech", "relative_date"],
    E(
        "AGREE",
        None,
        "sign",
        "COD",
        "GOV",
        "RWA",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        neg=True,
        mod="claimed",
        cl="USA",
    ),
    E(
        "AGREE",
        None,
        "sign",
        "RWA",
        "GOV",
        "COD",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        neg=True,
        mod="claimed",
        cl="USA",
    ),
)
p = "2024-05-15"
S(
    p,
    "Andean Dispatch",
    "Chile and Argentina are due to sign a memorandum on lithium cooperation next month.",
    ["future", "coordination", "relative_date"],
    E("AGREE", None, "sign", "CHL", "GOV", "ARG", "GOV", "2024-06", "next month", mod="planned"),
    E("AGREE", None, "sign", "ARG", "GOV", "CHL", "GOV", "2024-06", "next month", mod="planned"),
)
p = "2023-10-26"
S(
    p,
    "Mesopotamia Daily",
    "Under a deal reached with Baghdad in Ankara last week, Turkey promised to release more water from the Tigris into Iraq.",
    ["two_events", "nominal", "metonym", "relative_date"],
    E(
        "AGREE",
        None,
        "deal reached",
        "TUR",
        "GOV",
        "IRQ",
        "GOV",
        lastweek(p),
        "last week",
        place="Ankara",
        pc="TUR",
    ),
    E("CONCEDE", None, "promised to release", "TUR", "GOV", "IRQ", "GOV", mod="promised"),
)

# ---------------- CONSULT ----------------
p = "2024-10-24"
S(
    p,
    "Subcontinent Wire",
    "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping on the sidelines of the BRICS summit in Kazan on Wednesday.",
    ["office_holder", "relative_date"],
    E(
        "CONSULT",
        "visit",
        "met",
        "IND",
        "GOV",
        "CHN",
        "GOV",
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Kazan",
        pc="RUS",
    ),
)
p = "2024-10-01"
S(
    p,
    "Anatolia Review",
    "Turkish President Recep Tayyip Erdogan spoke by phone with his Iranian counterpart Masoud Pezeshkian on Sunday about the fighting in Lebanon.",
    ["office_holder", "apposition", "relative_date"],
    E("CONSULT", "phone", "spoke by phone", "TUR", "GOV", "IRN", "GOV", wd(p, "Sunday"), "on Sunday"),
)
p = "2025-07-08"
S(
    p,
    "Great Lakes Post",
    "Qatari-mediated talks between the Congolese government and the M23 rebels resumed in Doha on Monday.",
    ["nominal", "relative_date"],
    E(
        "CONSULT",
        "third-party",
        "talks",
        "COD",
        "GOV",
        "COD",
        "REB",
        wd(p, "Monday"),
        "on Monday",
        place="Doha",
        pc="QAT",
    ),
    E(
        "CONSULT",
        "third-party",
        "talks",
        "COD",
        "REB",
        "COD",
        "GOV",
        wd(p, "Monday"),
        "on Monday",
        place="Doha",
        pc="QAT",
    ),
    E(
        "CONSULT",
        "third-party",
        "mediated",
        "QAT",
        "GOV",
        "COD",
        "GOV",
        wd(p, "Monday"),
        "on Monday",
        place="Doha",
        pc="QAT",
    ),
    E(
        "CONSULT",
        "third-party",
        "mediated",
        "QAT",
        "GOV",
        "COD",
        "REB",
        wd(p, "Monday"),
        "on Monday",
        place="Doha",
        pc="QAT",
    ),
)
p = "2024-07-27"
S(
    p,
    "Mekong Monitor",
    "ASEAN foreign ministers gathered in Vientiane on Thursday for their annual meeting, with the civil war in Myanmar high on the agenda.",
    ["relative_date"],
    E(
        "CONSULT",
        "multilateral",
        "gathered",
        "ASEAN",
        "IGO",
        None,
        None,
        wd(p, "Thursday"),
        "on Thursday",
        place="Vientiane",
        pc="LAO",
    ),
)
p = "2025-05-06"
S(
    p,
    "Planalto Report",
    "Brazilian President Luiz Inacio Lula da Silva will travel to Beijing next week for a state visit.",
    ["future", "office_holder", "relative_date"],
    E(
        "CONSULT",
        "visit",
        "travel",
        "BRA",
        "GOV",
        "CHN",
        "GOV",
        nextweek(p),
        "next week",
        mod="planned",
        place="Beijing",
        pc="CHN",
    ),
)
p = "2024-09-20"
S(
    p,
    "Caribbean Ledger",
    "Kenyan President William Ruto hosted Haiti's interim prime minister, Garry Conille, at State House in Nairobi on Tuesday.",
    ["office_holder", "apposition", "relative_date"],
    E(
        "CONSULT",
        "visit",
        "hosted",
        "KEN",
        "GOV",
        "HTI",
        "GOV",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Nairobi",
        pc="KEN",
    ),
)

# ---------------- SUPPORT ----------------
p = "2024-04-03"
S(
    p,
    "Sahel Observer",
    "The African Union welcomed the peaceful handover of power in Senegal and congratulated President Bassirou Diomaye Faye.",
    ["coordination", "two_events"],
    E("SUPPORT", None, "welcomed", "AU", "IGO", "SEN", "GOV"),
    E("SUPPORT", None, "congratulated", "AU", "IGO", "SEN", "GOV"),
)
p = "2024-12-27"
S(
    p,
    "Dnipro Bulletin",
    "Volodymyr Zelensky thanked Japan for a new $3bn loan backed by proceeds from frozen Russian assets.",
    ["two_events", "nominal"],
    E("SUPPORT", None, "thanked", "UKR", "GOV", "JPN", "GOV"),
    E("AID", None, "loan", "JPN", "GOV", "UKR", "GOV"),
)
p = "2025-02-05"
S(
    p,
    "Rio Grande Journal",
    "Mexican President Claudia Sheinbaum on Tuesday praised Donald Trump's respectful tone during their phone call the previous day.",
    ["two_events", "nominal", "office_holder", "anchored_date", "relative_date"],
    E("SUPPORT", None, "praised", "MEX", "GOV", "USA", "GOV", wd(p, "Tuesday"), "on Tuesday"),
    E("CONSULT", "phone", "phone call", "MEX", "GOV", "USA", "GOV", wd(p, "Monday"), "the previous day"),
    E("CONSULT", "phone", "phone call", "USA", "GOV", "MEX", "GOV", wd(p, "Monday"), "the previous day"),
)
p = "2023-11-02"
S(
    p,
    "Swahili Coast News",
    "German President Frank-Walter Steinmeier apologised to Tanzanians for colonial-era killings during a visit to Songea on Wednesday.",
    ["two_events", "nominal", "office_holder", "relative_date"],
    E(
        "SUPPORT",
        None,
        "apologised",
        "DEU",
        "GOV",
        "TZA",
        "CVL",
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Songea",
        pc="TZA",
    ),
    E(
        "CONSULT",
        "visit",
        "visit",
        "DEU",
        "GOV",
        "TZA",
        None,
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Songea",
        pc="TZA",
    ),
)
p = "2025-06-12"
S(
    p,
    "Maghreb Times",
    "The Gulf Cooperation Council reaffirmed its backing for Morocco's autonomy plan for Western Sahara.",
    ["nominal"],
    E("SUPPORT", None, "backing", "GCC", "IGO", "MAR", "GOV"),
)
p = "2025-10-14"
S(
    p,
    "Levant Wire",
    "Egypt's president hailed Qatar and Turkey as indispensable partners in securing the Gaza ceasefire.",
    ["office_holder", "coordination"],
    E("SUPPORT", None, "hailed", "EGY", "GOV", "QAT", "GOV"),
    E("SUPPORT", None, "hailed", "EGY", "GOV", "TUR", "GOV"),
)

# ---------------- CONCEDE ----------------
p = "2024-06-27"
S(
    p,
    "Swahili Coast News",
    "Kenyan President William Ruto withdrew the contested finance bill on Wednesday after days of deadly protests.",
    ["two_events", "nominal", "office_holder", "relative_date"],
    E("CONCEDE", None, "withdrew", "KEN", "GOV", "KEN", None, wd(p, "Wednesday"), "on Wednesday"),
    E("PROTEST", "demo", "protests", "KEN", "CVL", "KEN", "GOV"),
)
p = "2025-07-01"
S(
    p,
    "Levant Wire",
    "The United States lifted most of its sanctions on Syria on Monday, weeks after Donald Trump met the country's interim president, Ahmed al-Sharaa, in Riyadh.",
    ["two_events", "apposition", "relative_date", "office_holder"],
    E("CONCEDE", None, "lifted", "USA", "GOV", "SYR", "GOV", wd(p, "Monday"), "on Monday"),
    E("CONSULT", "visit", "met", "USA", "GOV", "SYR", "GOV", place="Riyadh", pc="SAU"),
)
p = "2024-12-04"
S(
    p,
    "Han River Daily",
    "Yoon Suk Yeol lifted the martial law he had declared six hours earlier after lawmakers voted to reject it.",
    ["pronoun", "two_events", "office_holder"],
    E("CONCEDE", None, "lifted", "KOR", "GOV", "KOR", "LEG"),
    E("COERCE", "martial-law", "declared", "KOR", "GOV", "KOR", None),
    E("REJECT", None, "voted to reject", "KOR", "LEG", "KOR", "GOV"),
)
p = "2025-09-10"
S(
    p,
    "Himalayan Times",
    "Nepal's government lifted its ban on 26 social media platforms on Tuesday following youth-led protests in Kathmandu.",
    ["two_events", "nominal", "relative_date"],
    E("CONCEDE", None, "lifted", "NPL", "GOV", "NPL", None, wd(p, "Tuesday"), "on Tuesday"),
    E("PROTEST", "demo", "protests", "NPL", "CVL", "NPL", "GOV", place="Kathmandu", pc="NPL"),
)
p = "2024-06-10"
S(
    p,
    "Caucasus Courier",
    "Armenia handed control of four border villages in the Tavush region back to Azerbaijan in May 2024.",
    [],
    E(
        "CONCEDE",
        None,
        "handed",
        "ARM",
        "GOV",
        "AZE",
        "GOV",
        "2024-05",
        "in May 2024",
        place="Tavush",
        pc="ARM",
    ),
)
p = "2023-04-02"
S(
    p,
    "Caucasus Courier",
    "The Georgian Dream government withdrew the foreign agents bill in March 2023 after two nights of protests in Tbilisi.",
    ["two_events", "nominal"],
    E("CONCEDE", None, "withdrew", "GEO", "GOV", "GEO", None, "2023-03", "in March 2023"),
    E("PROTEST", "demo", "protests", "GEO", "CVL", "GEO", "GOV", "2023-03", None, place="Tbilisi", pc="GEO"),
)

# ---------------- COOPERATE ----------------
p = "2024-07-17"
S(
    p,
    "Pacific Rim Press",
    "Chinese and Russian warships held joint naval drills in the Sea of Japan last week.",
    ["coordination", "relative_date"],
    E(
        "COOPERATE",
        None,
        "held joint naval drills",
        "CHN",
        "MIL",
        "RUS",
        "MIL",
        lastweek(p),
        "last week",
        place="Sea of Japan",
        pc=None,
    ),
    E(
        "COOPERATE",
        None,
        "held joint naval drills",
        "RUS",
        "MIL",
        "CHN",
        "MIL",
        lastweek(p),
        "last week",
        place="Sea of Japan",
        pc=None,
    ),
)
p = "2025-08-05"
S(
    p,
    "Archipelago Times",
    "The Indian and Philippine navies conducted their first joint sail in the South China Sea on Sunday.",
    ["coordination", "relative_date"],
    E(
        "COOPERATE",
        None,
        "conducted their first joint sail",
        "IND",
        "MIL",
        "PHL",
        "MIL",
        wd(p, "Sunday"),
        "on Sunday",
        place="South China Sea",
        pc=None,
    ),
    E(
        "COOPERATE",
        None,
        "conducted their first joint sail",
        "PHL",
        "MIL",
        "IND",
        "MIL",
        wd(p, "Sunday"),
        "on Sunday",
        place="South China Sea",
        pc=None,
    ),
)
p = "2024-01-15"
S(
    p,
    "Steppe Herald",
    "Kazakhstan's state oil pipeline operator began pumping crude to Germany's Schwedt refinery in 2023.",
    [],
    E(
        "COOPERATE",
        None,
        "began pumping",
        "KAZ",
        "BUS",
        "DEU",
        "BUS",
        "2023",
        "in 2023",
        place="Schwedt",
        pc="DEU",
    ),
)
p = "2024-10-19"
S(
    p,
    "Pamir Post",
    "Tajik and Chinese special forces staged a joint counter-terrorism exercise in Gorno-Badakhshan on Wednesday.",
    ["coordination", "relative_date"],
    E(
        "COOPERATE",
        None,
        "staged a joint counter-terrorism exercise",
        "TJK",
        "MIL",
        "CHN",
        "MIL",
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Gorno-Badakhshan",
        pc="TJK",
    ),
    E(
        "COOPERATE",
        None,
        "staged a joint counter-terrorism exercise",
        "CHN",
        "MIL",
        "TJK",
        "MIL",
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Gorno-Badakhshan",
        pc="TJK",
    ),
)
p = "2024-03-18"
S(
    p,
    "Andean Dispatch",
    "Colombia's navy resumed joint anti-drug patrols with Ecuador in the Pacific on Saturday.",
    ["relative_date"],
    E(
        "COOPERATE",
        None,
        "resumed joint anti-drug patrols",
        "COL",
        "MIL",
        "ECU",
        None,
        wd(p, "Saturday"),
        "on Saturday",
        place="Pacific",
        pc=None,
    ),
)
# ---------------- AID ----------------
p = "2023-09-20"
S(
    p,
    "Maghreb Times",
    "Turkey sent two planeloads of tents and medical supplies to Morocco earlier this month after the Al Haouz earthquake.",
    ["relative_date"],
    E("AID", None, "sent", "TUR", "GOV", "MAR", None, "2023-09-01/2023-09-19", "earlier this month"),
)
p = "2024-09-28"
S(
    p,
    "Nile Valley Post",
    "A UN convoy delivered food and medicine to displaced families in El Fasher on Friday.",
    ["relative_date"],
    E(
        "AID",
        None,
        "delivered",
        "UN",
        "IGO",
        "SDN",
        "CVL",
        wd(p, "Friday"),
        "on Friday",
        place="El Fasher",
        pc="SDN",
    ),
)
p = "2023-07-14"
S(
    p,
    "Indus Herald",
    "Saudi Arabia deposited $2bn in Pakistan's central bank on Tuesday to shore up its foreign reserves.",
    ["relative_date", "pronoun"],
    E("AID", None, "deposited", "SAU", "GOV", "PAK", "GOV", wd(p, "Tuesday"), "on Tuesday"),
)
p = "2024-03-14"
S(
    p,
    "Levant Wire",
    "Food parcels were dropped over northern Gaza by Jordanian air force planes on Wednesday.",
    ["passive", "relative_date"],
    E(
        "AID",
        None,
        "dropped",
        "JOR",
        "MIL",
        "PSE",
        "CVL",
        wd(p, "Wednesday"),
        "on Wednesday",
        place="northern Gaza",
        pc="PSE",
    ),
)
p = "2024-02-20"
S(
    p,
    "Tokyo Meridian",
    "Tokyo pledged new grants for Ukrainian demining and power grid repairs at a reconstruction conference on Monday.",
    ["metonym", "relative_date"],
    E("AID", None, "pledged", "JPN", "GOV", "UKR", None, wd(p, "Monday"), "on Monday", mod="promised"),
)
p = "2025-04-02"
S(
    p,
    "Mekong Monitor",
    "India airlifted rescue teams and relief supplies to Myanmar after the earthquake near Mandalay.",
    [],
    E("AID", None, "airlifted", "IND", "GOV", "MMR", None),
)

# ---------------- RETREAT ----------------
p = "2024-01-10"
S(
    p,
    "Sahel Observer",
    "French troops completed their withdrawal from Niger in December 2023.",
    ["nominal"],
    E("RETREAT", "withdraw", "withdrawal", "FRA", "MIL", "NER", None, "2023-12", "in December 2023"),
)
p = "2024-06-13"
S(
    p,
    "Lowlands Gazette",
    "Iran released French citizen Louis Arnaud on Wednesday, the Elysee said.",
    ["reported_speech", "metonym", "relative_date"],
    E(
        "RETREAT",
        "release",
        "released",
        "IRN",
        "GOV",
        "FRA",
        "CVL",
        wd(p, "Wednesday"),
        "on Wednesday",
        mod="claimed",
        cl="FRA",
    ),
)
p = "2024-11-28"
S(
    p,
    "Levant Wire",
    "Israel and Hezbollah began observing a ceasefire at dawn on 27 November 2024.",
    ["coordination", "nominal"],
    E("RETREAT", "ceasefire", "ceasefire", "ISR", "MIL", "LBN", "REB", "2024-11-27", "on 27 November 2024"),
    E("RETREAT", "ceasefire", "ceasefire", "LBN", "REB", "ISR", "MIL", "2024-11-27", "on 27 November 2024"),
)
p = "2025-01-29"
S(
    p,
    "Danube Observer",
    "Serbian Prime Minister Milos Vucevic resigned on Tuesday amid mass protests over the deadly canopy collapse in Novi Sad.",
    ["two_events", "nominal", "office_holder", "relative_date"],
    E("RETREAT", "resign", "resigned", "SRB", "GOV", None, None, wd(p, "Tuesday"), "on Tuesday"),
    E("PROTEST", "demo", "protests", "SRB", "CVL", "SRB", "GOV"),
)
p = "2024-05-14"
S(
    p,
    "Levant Wire",
    "Israel reopened the Kerem Shalom crossing on Sunday, allowing aid trucks into Gaza.",
    ["relative_date"],
    E(
        "RETREAT",
        "access",
        "reopened",
        "ISR",
        "GOV",
        "PSE",
        None,
        wd(p, "Sunday"),
        "on Sunday",
        place="Kerem Shalom",
        pc="ISR",
    ),
)
p = "2025-06-22"
S(
    p,
    "Baltic Wire",
    "Belarus freed 14 prisoners on Saturday, hours after US envoy Keith Kellogg met Alexander Lukashenko in Minsk.",
    ["two_events", "apposition", "relative_date", "anchored_date"],
    E("RETREAT", "release", "freed", "BLR", "GOV", "BLR", None, wd(p, "Saturday"), "on Saturday"),
    E(
        "CONSULT",
        "visit",
        "met",
        "USA",
        "GOV",
        "BLR",
        "GOV",
        wd(p, "Saturday"),
        None,
        place="Minsk",
        pc="BLR",
    ),
)

# ---------------- REQUEST ----------------
p = "2025-07-08"
S(
    p,
    "Dnipro Bulletin",
    "Zelensky urged Washington on Monday to speed up deliveries of Patriot air defence systems.",
    ["metonym", "relative_date"],
    E("REQUEST", "assist", "urged", "UKR", "GOV", "USA", "GOV", wd(p, "Monday"), "on Monday"),
)
p = "2025-02-22"
S(
    p,
    "Great Lakes Post",
    "The UN Security Council on Friday demanded that M23 rebels immediately withdraw from the eastern Congolese city of Goma.",
    ["relative_date"],
    E("REQUEST", "yield", "demanded", "UN", "IGO", "COD", "REB", wd(p, "Friday"), "on Friday"),
)
p = "2023-12-07"
S(
    p,
    "Caribbean Ledger",
    "Guyanese President Irfaan Ali asked Brazil to help defuse tensions with Venezuela over the Essequibo region.",
    ["office_holder"],
    E("REQUEST", "assist", "asked", "GUY", "GOV", "BRA", "GOV"),
)
p = "2023-08-05"
S(
    p,
    "Sahel Observer",
    "Niger's military government demanded that France pull its troops out of the country.",
    [],
    E("REQUEST", "yield", "demanded", "NER", "GOV", "FRA", "GOV"),
)
p = "2024-08-02"
S(
    p,
    "Pacific Rim Press",
    "A Chinese defence ministry spokesman said Beijing had again called on Washington to stop selling weapons to Taiwan.",
    ["reported_speech", "metonym"],
    E("REQUEST", "change", "called on", "CHN", "GOV", "USA", "GOV", mod="claimed", cl="CHN"),
)
p = "2025-05-13"
S(
    p,
    "Dnipro Bulletin",
    "On Sunday Zelensky called for a face-to-face meeting with Vladimir Putin in Istanbul.",
    ["relative_date"],
    E("REQUEST", "meet", "called for", "UKR", "GOV", "RUS", "GOV", wd(p, "Sunday"), "On Sunday"),
)

# ---------------- REJECT ----------------
p = "2025-01-09"
S(
    p,
    "Nordic Post",
    "Danish Prime Minister Mette Frederiksen firmly rejected on Wednesday Donald Trump's idea of buying Greenland.",
    ["office_holder", "relative_date"],
    E("REJECT", None, "rejected", "DNK", "GOV", "USA", "GOV", wd(p, "Wednesday"), "on Wednesday"),
)
p = "2025-03-21"
S(
    p,
    "Danube Observer",
    "Hungary refused on Thursday to endorse the EU summit's conclusions on Ukraine.",
    ["refusal", "relative_date"],
    E("REJECT", None, "refused", "HUN", "GOV", "EU", "IGO", wd(p, "Thursday"), "on Thursday"),
)
p = "2024-10-08"
S(
    p,
    "Nile Valley Post",
    "Addis Ababa rebuffed Egypt's demand for a binding agreement on the operation of the Grand Ethiopian Renaissance Dam.",
    ["two_events", "nominal", "metonym"],
    E("REJECT", None, "rebuffed", "ETH", "GOV", "EGY", "GOV"),
    E("REQUEST", None, "demand", "EGY", "GOV", "ETH", "GOV"),
)
p = "2023-08-08"
S(
    p,
    "Sahel Observer",
    "Niger's junta ignored the ECOWAS ultimatum to reinstate President Mohamed Bazoum, which expired on Sunday.",
    ["two_events", "nominal", "relative_date"],
    E("REJECT", None, "ignored", "NER", "GOV", "ECOWAS", "IGO"),
    E("THREATEN", None, "ultimatum", "ECOWAS", "IGO", "NER", "GOV"),
)
p = "2025-03-14"
S(
    p,
    "Dnipro Bulletin",
    "The Kremlin turned down the idea of a 30-day truce in Ukraine on Thursday, saying it would only let Kyiv regroup.",
    ["metonym", "relative_date"],
    E("REJECT", None, "turned down", "RUS", "GOV", None, None, wd(p, "Thursday"), "on Thursday"),
)
p = "2024-11-06"
S(
    p,
    "Andean Dispatch",
    "Nicaragua's government refused to let a UN human rights team enter the country.",
    ["refusal"],
    E("REJECT", None, "refused", "NIC", "GOV", "UN", "IGO"),
)

# ---------------- THREATEN ----------------
p = "2025-01-27"
S(
    p,
    "Andean Dispatch",
    "Trump threatened on Sunday to impose steep tariffs on Colombian goods after Bogota turned back two deportation flights.",
    ["two_events", "metonym", "relative_date"],
    E("THREATEN", "restrict", "threatened", "USA", "GOV", "COL", "GOV", wd(p, "Sunday"), "on Sunday"),
    E("REJECT", None, "turned back", "COL", "GOV", "USA", "GOV"),
)
p = "2024-08-20"
S(
    p,
    "Han River Daily",
    "North Korea warned it would respond with overwhelming force to the latest US-South Korean military drills.",
    ["nominal", "two_events"],
    E("THREATEN", "violence", "warned", "PRK", "GOV", "USA", "MIL"),
    E("THREATEN", "violence", "warned", "PRK", "GOV", "KOR", "MIL"),
    E("COOPERATE", None, "drills", "USA", "MIL", "KOR", "MIL"),
    E("COOPERATE", None, "drills", "KOR", "MIL", "USA", "MIL"),
)
p = "2025-06-17"
S(
    p,
    "Gulf Ledger",
    "An Iranian lawmaker warned that Tehran could close the Strait of Hormuz if the United States joined Israel's strikes on Iran.",
    ["conditional", "nominal", "two_events", "metonym"],
    E("THREATEN", "restrict", "warned", "IRN", "LEG", "USA", "GOV"),
    E("ASSAULT", "aerial", "strikes", "ISR", "MIL", "IRN", None),
)
p = "2023-12-06"
S(
    p,
    "Caribbean Ledger",
    "Nicolas Maduro threatened to annex the oil-rich Essequibo region administered by Guyana.",
    ["office_holder"],
    E("THREATEN", "territory", "threatened", "VEN", "GOV", "GUY", "GOV"),
)
p = "2025-02-11"
S(
    p,
    "Black Sea Review",
    "Moscow threatened on Monday to expel Moldovan diplomats in retaliation for the expulsion of a Russian embassy employee from Chisinau.",
    ["two_events", "nominal", "metonym", "relative_date"],
    E("THREATEN", "expel", "threatened", "RUS", "GOV", "MDA", "GOV", wd(p, "Monday"), "on Monday"),
    E("SANCTION", "expel", "expulsion", "MDA", "GOV", "RUS", "GOV", place="Chisinau", pc="MDA"),
)
p = "2024-08-01"
S(
    p,
    "Maghreb Times",
    "Algeria warned that it could cut diplomatic ties with France over Paris's endorsement of Morocco's plan for Western Sahara.",
    ["nominal", "two_events", "metonym"],
    E("THREATEN", "relations", "warned", "DZA", "GOV", "FRA", "GOV"),
    E("SUPPORT", None, "endorsement", "FRA", "GOV", "MAR", "GOV"),
)

# ---------------- PROTEST ----------------
p = "2024-12-02"
S(
    p,
    "Caucasus Courier",
    "Tens of thousands of Georgians rallied outside parliament in Tbilisi on Sunday to demand closer ties with the European Union.",
    ["relative_date"],
    E(
        "PROTEST",
        "demo",
        "rallied",
        "GEO",
        "CVL",
        "GEO",
        "GOV",
        wd(p, "Sunday"),
        "on Sunday",
        place="Tbilisi",
        pc="GEO",
    ),
)
p = "2024-02-25"
S(
    p,
    "Vistula Times",
    "Polish farmers blocked the Dorohusk border crossing with Ukraine this month in protest at cheap grain imports.",
    ["relative_date"],
    E(
        "PROTEST",
        "obstruct",
        "blocked",
        "POL",
        "CVL",
        "POL",
        "GOV",
        "2024-02",
        "this month",
        place="Dorohusk",
        pc="POL",
    ),
)
p = "2025-05-06"
S(
    p,
    "Bay of Bengal News",
    "Dock workers at Chittagong port walked out on Monday to protest against the interim government's port policy.",
    ["relative_date"],
    E(
        "PROTEST",
        "strike",
        "walked out",
        "BGD",
        "CVL",
        "BGD",
        "GOV",
        wd(p, "Monday"),
        "on Monday",
        place="Chittagong",
        pc="BGD",
    ),
)
p = "2024-05-25"
S(
    p,
    "Baltic Wire",
    "A jailed Belarusian opposition activist began a hunger strike in prison on Friday, her lawyer said.",
    ["reported_speech", "nominal", "relative_date"],
    E(
        "PROTEST",
        "hunger",
        "hunger strike",
        "BLR",
        "OPP",
        "BLR",
        "GOV",
        wd(p, "Friday"),
        "on Friday",
        mod="claimed",
        cl="BLR",
    ),
)
p = "2024-11-26"
S(
    p,
    "Caucasus Courier",
    "Georgian opposition parties are boycotting the new parliament, which they say was elected in a rigged vote.",
    ["pronoun", "reported_speech"],
    E("PROTEST", "boycott", "boycotting", "GEO", "OPP", "GEO", "LEG"),
)
p = "2023-07-31"
S(
    p,
    "Sahel Observer",
    "Supporters of the coup set fire to the door of the French embassy in Niamey on Sunday.",
    ["relative_date"],
    E(
        "PROTEST",
        "vandalize",
        "set fire",
        "NER",
        "CVL",
        "FRA",
        "GOV",
        wd(p, "Sunday"),
        "on Sunday",
        place="Niamey",
        pc="NER",
    ),
)

# ---------------- SANCTION ----------------
p = "2025-02-25"
S(
    p,
    "Brussels Briefing",
    "The European Union adopted its 16th package of sanctions against Russia on Monday.",
    ["relative_date"],
    E(
        "SANCTION",
        None,
        "adopted its 16th package of sanctions",
        "EU",
        "IGO",
        "RUS",
        "GOV",
        wd(p, "Monday"),
        "on Monday",
    ),
)
p = "2024-07-20"
S(
    p,
    "Ural Gazette",
    "A court in Yekaterinburg sentenced US journalist Evan Gershkovich to 16 years in a high-security penal colony on Friday.",
    ["relative_date"],
    E(
        "SANCTION",
        "convict",
        "sentenced",
        "RUS",
        "JUD",
        "USA",
        "MED",
        wd(p, "Friday"),
        "on Friday",
        place="Yekaterinburg",
        pc="RUS",
    ),
)
p = "2025-01-30"
S(
    p,
    "Sahel Observer",
    "Burkina Faso, Mali and Niger formally left the Economic Community of West African States on Wednesday.",
    ["coordination", "relative_date"],
    E("SANCTION", "withdraw", "left", "BFA", "GOV", "ECOWAS", "IGO", wd(p, "Wednesday"), "on Wednesday"),
    E("SANCTION", "withdraw", "left", "MLI", "GOV", "ECOWAS", "IGO", wd(p, "Wednesday"), "on Wednesday"),
    E("SANCTION", "withdraw", "left", "NER", "GOV", "ECOWAS", "IGO", wd(p, "Wednesday"), "on Wednesday"),
)
p = "2025-01-02"
S(
    p,
    "Black Sea Review",
    "Ukraine halted the transit of Russian gas across its territory on 1 January 2025.",
    [],
    E("SANCTION", "discontinue", "halted", "UKR", "GOV", "RUS", None, "2025-01-01", "on 1 January 2025"),
)
p = "2023-11-02"
S(
    p,
    "Andean Dispatch",
    "Chile and Colombia recalled their ambassadors from Israel on Tuesday in protest at the conduct of the war in Gaza.",
    ["coordination", "relative_date"],
    E("SANCTION", "withdraw", "recalled", "CHL", "GOV", "ISR", "GOV", wd(p, "Tuesday"), "on Tuesday"),
    E("SANCTION", "withdraw", "recalled", "COL", "GOV", "ISR", "GOV", wd(p, "Tuesday"), "on Tuesday"),
)
p = "2024-04-05"
S(
    p,
    "Baltic Wire",
    "Two Russian diplomats were ordered to leave Latvia within five days.",
    ["passive"],
    E("SANCTION", "expel", "ordered to leave", "LVA", "GOV", "RUS", "GOV"),
)

# ---------------- MOBILIZE ----------------
p = "2024-06-15"
S(
    p,
    "Baltic Wire",
    "Russia moved tactical nuclear weapons to Belarus in 2023, Alexander Lukashenko said.",
    ["reported_speech"],
    E(
        "MOBILIZE",
        "weapons",
        "moved",
        "RUS",
        "MIL",
        None,
        None,
        "2023",
        "in 2023",
        mod="claimed",
        cl="BLR",
        place="Belarus",
        pc="BLR",
    ),
)
p = "2024-01-08"
S(
    p,
    "Caribbean Ledger",
    "Venezuela massed troops near its border with Guyana in December 2023.",
    ["pronoun"],
    E("MOBILIZE", "troops", "massed", "VEN", "MIL", None, None, "2023-12", "in December 2023"),
)
p = "2025-08-21"
S(
    p,
    "Levant Wire",
    "Israel called up 60,000 reservists on Wednesday ahead of its planned offensive on Gaza City.",
    ["two_events", "nominal", "future", "relative_date"],
    E("MOBILIZE", "troops", "called up", "ISR", "MIL", None, None, wd(p, "Wednesday"), "on Wednesday"),
    E("ASSAULT", None, "offensive", "ISR", "MIL", "PSE", None, mod="planned", place="Gaza City", pc="PSE"),
)
p = "2024-07-03"
S(
    p,
    "Caribbean Ledger",
    "Kenya sent about 400 police officers to Haiti last month to lead a multinational security mission.",
    ["relative_date"],
    E(
        "MOBILIZE",
        "police",
        "sent",
        "KEN",
        "COP",
        None,
        None,
        "2024-06",
        "last month",
        place="Haiti",
        pc="HTI",
    ),
)
p = "2024-11-05"
S(
    p,
    "Han River Daily",
    "North Korean troops have been deployed to Russia's Kursk region, according to South Korean intelligence.",
    ["passive", "reported_speech"],
    E(
        "MOBILIZE",
        "troops",
        "deployed",
        "PRK",
        "MIL",
        None,
        None,
        mod="claimed",
        cl="KOR",
        place="Kursk",
        pc="RUS",
    ),
)
p = "2023-04-20"
S(
    p,
    "Sahel Observer",
    "Burkina Faso's transitional authorities are recruiting 50,000 civilian volunteers to fight alongside the army against jihadists.",
    [],
    E("MOBILIZE", "militia", "recruiting", "BFA", "GOV", None, None),
)

# ---------------- COERCE ----------------
p = "2024-03-02"
S(
    p,
    "Steppe Herald",
    "Two Uzbek migrant workers were detained by Russian police in Krasnogorsk on Thursday.",
    ["passive", "relative_date"],
    E(
        "COERCE",
        "arrest",
        "detained",
        "RUS",
        "COP",
        "UZB",
        "CVL",
        wd(p, "Thursday"),
        "on Thursday",
        place="Krasnogorsk",
        pc="RUS",
    ),
)
p = "2023-08-10"
S(
    p,
    "Nordic Post",
    "Russia seized control of Carlsberg's local brewing business in July 2023.",
    [],
    E("COERCE", "seize", "seized", "RUS", "GOV", "DNK", "BUS", "2023-07", "in July 2023"),
)
p = "2023-12-05"
S(
    p,
    "Indus Herald",
    "Pakistan deported tens of thousands of Afghans through the Torkham crossing last month.",
    ["relative_date"],
    E(
        "COERCE",
        "deport",
        "deported",
        "PAK",
        "GOV",
        "AFG",
        "CVL",
        "2023-11",
        "last month",
        place="Torkham",
        pc="PAK",
    ),
)
p = "2024-10-07"
S(
    p,
    "Capitol Wire",
    "Hackers linked to China's Ministry of State Security allegedly broke into the networks of several US telecom companies.",
    ["hedge"],
    E("COERCE", "cyber", "broke into", "CHN", "SPY", "USA", "BUS", mod="alleged"),
)
p = "2024-07-20"
S(
    p,
    "Bay of Bengal News",
    "Bangladeshi authorities imposed a nationwide curfew on Friday as student protests spread.",
    ["two_events", "nominal", "relative_date"],
    E(
        "COERCE",
        "curfew",
        "imposed a nationwide curfew",
        "BGD",
        "GOV",
        "BGD",
        None,
        wd(p, "Friday"),
        "on Friday",
    ),
    E("PROTEST", "demo", "protests", "BGD", "CVL", "BGD", "GOV"),
)
p = "2024-05-30"
S(
    p,
    "Levant Wire",
    "Israel's finance minister said he would keep withholding tax revenues from the Palestinian Authority.",
    ["office_holder", "reported_speech", "future"],
    E("COERCE", "withhold", "withholding", "ISR", "GOV", "PSE", "GOV", mod="claimed", cl="ISR"),
)
p = "2024-12-01"
S(
    p,
    "Caucasus Courier",
    "Georgian riot police detained dozens of demonstrators in Tbilisi and beat several of them with batons.",
    ["coordination", "two_events", "pronoun"],
    E("COERCE", "arrest", "detained", "GEO", "COP", "GEO", "CVL", place="Tbilisi", pc="GEO"),
    E("ASSAULT", "beat", "beat", "GEO", "COP", "GEO", "CVL", place="Tbilisi", pc="GEO"),
)

# ---------------- ASSAULT ----------------
p = "2025-01-13"
S(
    p,
    "Volga Courier",
    "Ukrainian drones hit an oil refinery in Russia's Saratov region on Sunday.",
    ["relative_date"],
    E(
        "ASSAULT",
        "drone",
        "hit",
        "UKR",
        "MIL",
        "RUS",
        "BUS",
        wd(p, "Sunday"),
        "on Sunday",
        place="Saratov",
        pc="RUS",
    ),
)
p = "2024-10-17"
S(
    p,
    "Sahel Observer",
    "A Malian army convoy was ambushed by JNIM fighters near Boulkessi on Tuesday.",
    ["passive", "relative_date"],
    E(
        "ASSAULT",
        "firearms",
        "ambushed",
        "MLI",
        "REB",
        "MLI",
        "MIL",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Boulkessi",
        pc="MLI",
    ),
)
p = "2024-07-22"
S(
    p,
    "Gulf Ledger",
    "Israeli jets pounded the Houthi-held port of Hodeidah on Saturday, a day after a Houthi drone struck Tel Aviv.",
    ["two_events", "relative_date", "anchored_date"],
    E(
        "ASSAULT",
        "aerial",
        "pounded",
        "ISR",
        "MIL",
        "YEM",
        "REB",
        wd(p, "Saturday"),
        "on Saturday",
        place="Hodeidah",
        pc="YEM",
    ),
    E(
        "ASSAULT",
        "drone",
        "struck",
        "YEM",
        "REB",
        "ISR",
        None,
        wd(p, "Friday"),
        "a day after",
        place="Tel Aviv",
        pc="ISR",
    ),
)
p = "2025-05-09"
S(
    p,
    "Subcontinent Wire",
    "Islamabad denied that its troops had fired on Indian posts along the Line of Control.",
    ["negation", "metonym"],
    E("ASSAULT", "firearms", "fired", "PAK", "MIL", "IND", "MIL", neg=True, mod="claimed", cl="PAK"),
)
p = "2025-03-26"
S(
    p,
    "Geneva Monitor",
    "UN investigators said Ukrainian prisoners of war had been systematically tortured in Russian detention.",
    ["passive", "reported_speech"],
    E("ASSAULT", "torture", "tortured", "RUS", None, "UKR", "MIL", mod="claimed", cl="UN"),
)
p = "2024-03-09"
S(
    p,
    "Lagos Ledger",
    "Gunmen abducted more than 200 pupils from a school in Kaduna state on Thursday.",
    ["relative_date"],
    E(
        "ASSAULT",
        "abduct",
        "abducted",
        None,
        "UNK",
        "NGA",
        "CVL",
        wd(p, "Thursday"),
        "on Thursday",
        place="Kaduna",
        pc="NGA",
    ),
)
p = "2025-04-14"
S(
    p,
    "Nile Valley Post",
    "The Rapid Support Forces reportedly shelled the Zamzam displacement camp near El Fasher over the weekend.",
    ["hedge", "relative_date"],
    E(
        "ASSAULT",
        "heavy-weapons",
        "shelled",
        "SDN",
        "REB",
        "SDN",
        "CVL",
        "2025-04-12/2025-04-13",
        "over the weekend",
        mod="alleged",
        place="Zamzam",
        pc="SDN",
    ),
)
p = "2025-06-24"
S(
    p,
    "Gulf Ledger",
    "Iranian missiles targeted the US air base at Al Udeid in Qatar on Monday, but no one was hurt.",
    ["relative_date"],
    E(
        "ASSAULT",
        "aerial",
        "targeted",
        "IRN",
        "MIL",
        "USA",
        "MIL",
        wd(p, "Monday"),
        "on Monday",
        place="Al Udeid",
        pc="QAT",
    ),
)

# ---------------- extra mixed hard cases ----------------
p = "2025-03-12"
S(
    p,
    "Black Sea Review",
    "Ukrainian and US delegations met in Jeddah on Tuesday, and Washington then resumed sharing intelligence with Kyiv.",
    ["coordination", "two_events", "metonym", "relative_date"],
    E(
        "CONSULT",
        "visit",
        "met",
        "UKR",
        "GOV",
        "USA",
        "GOV",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Jeddah",
        pc="SAU",
    ),
    E(
        "CONSULT",
        "visit",
        "met",
        "USA",
        "GOV",
        "UKR",
        "GOV",
        wd(p, "Tuesday"),
        "on Tuesday",
        place="Jeddah",
        pc="SAU",
    ),
    E("COOPERATE", None, "resumed sharing intelligence", "USA", "GOV", "UKR", "GOV"),
)
p = "2024-04-16"
S(
    p,
    "Subcontinent Wire",
    "The Maldives' president has not asked India to keep its military personnel in the islands, his office said.",
    ["negation", "reported_speech", "pronoun", "office_holder"],
    E("REQUEST", None, "asked", "MDV", "GOV", "IND", "GOV", neg=True, mod="claimed", cl="MDV"),
)
p = "2024-11-14"
S(
    p,
    "Danube Observer",
    "If Kosovo closes more Serbian-run institutions, Belgrade would suspend its participation in the EU-facilitated dialogue, a Serbian minister said.",
    ["conditional", "reported_speech", "metonym"],
    E("SANCTION", "withdraw", "suspend", "SRB", "GOV", "EU", "IGO", mod="hypothetical"),
)
p = "2025-10-02"
S(
    p,
    "Black Sea Review",
    "Moldova's electoral commission barred two pro-Russian parties from the parliamentary vote last week.",
    ["relative_date"],
    E("COERCE", "restrict", "barred", "MDA", "GOV", "MDA", "OPP", lastweek(p), "last week"),
)
p = "2024-02-09"
S(
    p,
    "Mekong Monitor",
    "Myanmar's junta announced it would enforce a conscription law requiring young men and women to serve in the army.",
    ["future", "reported_speech"],
    E("MOBILIZE", "troops", "enforce a conscription law", "MMR", "MIL", None, None, mod="planned"),
)
p = "2024-08-28"
S(
    p,
    "Mesopotamia Daily",
    "The US-led coalition will wind down its mission in Iraq by September 2025, according to a plan agreed with Baghdad.",
    ["future", "two_events"],
    E(
        "RETREAT",
        "withdraw",
        "wind down",
        "USA",
        "MIL",
        "IRQ",
        None,
        "2025-09",
        "by September 2025",
        mod="planned",
    ),
    E("AGREE", None, "agreed", "USA", "GOV", "IRQ", "GOV"),
)
p = "2025-05-20"
S(
    p,
    "Maghreb Times",
    "Libya's UN-recognised government in Tripoli was reportedly negotiating with rival militias to end clashes in the capital.",
    ["hedge", "nominal"],
    E("CONSULT", None, "negotiating", "LBY", "GOV", "LBY", "REB", mod="alleged", place="Tripoli", pc="LBY"),
)
p = "2023-10-11"
S(
    p,
    "Pamir Post",
    "Xi Jinping received Kazakh President Kassym-Jomart Tokayev in Beijing, where they oversaw the signing of deals on transport and energy.",
    ["pronoun", "office_holder", "two_events", "nominal"],
    E("CONSULT", "visit", "received", "CHN", "GOV", "KAZ", "GOV", place="Beijing", pc="CHN"),
    E("AGREE", None, "signing", "CHN", "GOV", "KAZ", "GOV", place="Beijing", pc="CHN"),
    E("AGREE", None, "signing", "KAZ", "GOV", "CHN", "GOV", place="Beijing", pc="CHN"),
)
p = "2025-08-26"
S(
    p,
    "Sahel Observer",
    "Chad released more than 100 Sudanese refugees it had detained near the border, a UN agency said on Monday.",
    ["reported_speech", "pronoun", "two_events"],
    E("RETREAT", "release", "released", "TCD", "GOV", "SDN", "CVL", mod="claimed", cl="UN"),
    E("COERCE", "arrest", "detained", "TCD", "GOV", "SDN", "CVL", mod="claimed", cl="UN"),
)
p = "2025-04-25"
S(
    p,
    "Subcontinent Wire",
    "India suspended the Indus Waters Treaty with Pakistan and shut the Attari border crossing on Wednesday.",
    ["coordination", "two_events", "relative_date"],
    E("SANCTION", "discontinue", "suspended", "IND", "GOV", "PAK", "GOV", wd(p, "Wednesday"), "on Wednesday"),
    E(
        "COERCE",
        "restrict",
        "shut",
        "IND",
        "GOV",
        "PAK",
        None,
        wd(p, "Wednesday"),
        "on Wednesday",
        place="Attari",
        pc="IND",
    ),
)
# ---------------- NO EVENT ----------------
NE = [
    (
        "2024-07-30",
        "Anatolia Review",
        "Trade between Turkey and Azerbaijan grew by 8% in the first half of 2024.",
    ),
    (
        "2025-01-05",
        "Sahel Observer",
        "Analysts expect the Sahel's military rulers to deepen their ties with Moscow in the coming year.",
    ),
    (
        "2025-04-15",
        "Nile Valley Post",
        "The war in Sudan has displaced more than 12 million people since April 2023.",
    ),
    (
        "2023-09-14",
        "Maghreb Times",
        "Torrential rain from Storm Daniel flooded large parts of eastern Libya this week.",
    ),
    (
        "2024-06-11",
        "Steppe Herald",
        "Kazakhstan's economy is forecast to grow by about 4% this year, the World Bank said.",
    ),
    (
        "2024-11-15",
        "Plata Review",
        "Monthly inflation in Argentina slowed to 2.7% in October, its lowest level in three years.",
    ),
    (
        "2024-10-21",
        "Mekong Monitor",
        "Water levels on the Mekong fell to record lows in parts of Laos and Cambodia during the dry season.",
    ),
    (
        "2025-09-27",
        "Black Sea Review",
        "Voters in Moldova head to the polls on Sunday in a parliamentary election widely seen as a test of the country's pro-European course.",
    ),
    (
        "2025-01-20",
        "Nile Valley Post",
        "Suez Canal revenues fell by more than half in 2024 as shipping companies routed vessels around Africa.",
    ),
    (
        "2024-10-18",
        "Subcontinent Wire",
        "The rupee weakened past 84 to the dollar on Friday as foreign investors pulled money out of Indian equities.",
    ),
]
for pub, src, text in NE:
    S(pub, src, text, ["no_event"])

for i, d in enumerate(DOCS, 1):
    d["id"] = f"h-s-{i:03d}"
out = pathlib.Path(__file__).with_name("sentences.jsonl")
out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS))
from collections import Counter

c = Counter(e["event_type"] for d in DOCS for e in d["events"])
print(len(DOCS), "docs", sum(c.values()), "events", dict(sorted(c.items())))
print("no-event docs", sum(1 for d in DOCS if not d["events"]))
