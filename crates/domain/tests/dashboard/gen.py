# Writes a.json and b.json, the dashboard tests' two export files (run
# once; the files are the test data, this script only says how they were made).
import json
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2**31)
    return (seed >> 8) % n
def pick(xs):
    return xs[rnd(len(xs))]
def response(i, partial=False):
    a = {}
    def maybe(key, value, p=10):
        if rnd(100) >= p:
            a[key] = value
    maybe("recommend", pick([0,3,5,6,7,8,8,9,9,10,10,10]))
    maybe("satisfaction", pick([1,2,3,4,4,5,5,5]))
    maybe("agree", pick([1,2,3,4,5,4,4]))
    maybe("mood", pick([1,2,3,3]))
    maybe("visits", pick([0,1,1,2,2,3,4,10]))
    maybe("spent", pick([0,5,12.5,40,99,100]))
    maybe("age", pick([19,23,31,44,52,67]))
    maybe("when", pick(["2026-01-05","2026-02-10","2026-02-11","2026-03-31"]))
    c = pick(["weighing","vaccine","weighing","other"])
    a["came_for"] = c
    if c == "other":
        a["came_for.other_text"] = pick(["My neighbour's child", "=HYPERLINK(\"x\")", "Advice on food", "Just to talk"])
    h = sorted({pick(["radio","friend","poster","friend","other"]) for _ in range(rnd(3)+1)})
    a["heard"] = h
    if "other" in h:
        a["heard.other_text"] = pick(["The mosque", "WhatsApp group", "-1 from the village head"])
    maybe("area", pick(["north","south","south"]))
    maybe("came_back", pick([True, False, True]))
    rows = {}
    for r in ["queue","staff"]:
        if rnd(10) < 8:
            rows[r] = pick(["bad","ok","good","good"])
    if rows:
        a["services"] = rows
    maybe("priorities", pick([["food","water","school"],["water","food","school"],["school","water","food"],["food","school","water"]]), 30)
    maybe("comments", pick(["The queue was long", "Kind staff", "More chairs please", "@everyone come", "Antrean panjang"]), 40)
    if rnd(10) < 9:
        a["consent"] = True
    maybe("gender", pick(["woman","woman","man","man","woman","prefer_not_to_say","other"]), 8)
    if a.get("gender") == "other":
        a["gender.other_text"] = "non-binary"
    maybe("age_band", pick(["18_24","25_44","25_44","45_plus","45_plus","45_plus","prefer_not_to_say"]), 8)
    maybe("language_home", pick([["jv"],["id"],["id","jv"],["jv"],["prefer_not_to_say"]]), 8)
    day = 1 + i % 3
    hour = pick(["02","09","16","23"])
    r = {
        "id": "00000000-0000-4000-8000-%012d" % i,
        "survey_id": "dash", "survey_version": "1",
        "locale": pick(["en","id","id"]),
        "started_at": "2026-11-0%dT%s:10:00.000Z" % (day, hour),
        "submitted_at": "2026-11-0%dT%s:15:00.000Z" % (day, hour),
        "answers": a,
    }
    if partial:
        r["partial"] = True
    return r
rs = [response(i, partial=(i % 40 == 7)) for i in range(160)]
def export(items):
    return {"format": 1, "survey_id": "dash", "survey_version": "1", "exported_at": "2026-11-04T00:00:00.000Z", "responses": items}
a = rs[0:120]
b = [dict(r) for r in rs[90:160]]
# One conflict: the same id with another answer in b.
b[5] = json.loads(json.dumps(b[5]))
b[5]["answers"]["recommend"] = 0 if b[5]["answers"].get("recommend") != 0 else 10
# A response to another survey in b, left out.
other = json.loads(json.dumps(rs[0])); other["id"] = "ffffffff-0000-4000-8000-000000000000"; other["survey_id"] = "another"
b.append(other)
json.dump(export(a), open("a.json","w"), indent=1)
json.dump(export(b), open("b.json","w"), indent=1)
