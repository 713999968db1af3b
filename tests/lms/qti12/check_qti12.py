"""Checks a QTI 1.2 content package with a parser other than ours (Python's zipfile and
ElementTree): the manifest and every assessment it lists are well-formed, use only element
names of IMS Content Packaging 1.1 and of QTI 1.2 ASI (ims_qtiasiv1p2p1.dtd), and every
reference inside an item resolves.

Usage: python3 tests/lms/qti12/check_qti12.py PACKAGE.zip [--items N]
Prints one summary line; exits 1 with every problem found.
"""

import sys
import xml.etree.ElementTree as ET
import zipfile

# IMS Content Packaging 1.1 elements a QTI package uses (imscp_v1p1.xsd).
CP = {
    "manifest", "metadata", "schema", "schemaversion", "organizations", "organization",
    "title", "item", "resources", "resource", "file", "dependency",
}
# Every element of the QTI 1.2.1 ASI DTD that an assessment of items may hold: structure,
# metadata, material, responses and renderings, response processing, feedback.
ASI = {
    "questestinterop", "qticomment", "assessment", "section", "item", "objectbank",
    "duration", "qtimetadata", "vocabulary", "qtimetadatafield", "fieldlabel", "fieldentry",
    "objectives", "rubric", "itemmetadata", "itemrubric", "presentation", "flow",
    "material", "mattext", "matemtext", "matimage", "mataudio", "matvideo", "matapplet",
    "matapplication", "matref", "matbreak", "altmaterial", "material_ref",
    "response_lid", "response_str", "response_num", "response_xy", "response_grp",
    "render_choice", "render_fib", "render_hotspot", "render_slider", "render_extension",
    "response_label", "flow_label", "flow_mat", "response_na",
    "resprocessing", "outcomes", "decvar", "interpretvar", "respcondition", "conditionvar",
    "and", "or", "not", "other", "unanswered", "varequal", "varlt", "varlte", "vargt",
    "vargte", "varsubset", "varinside", "varsubstring", "setvar", "displayfeedback",
    "itemfeedback", "solution", "solutionmaterial", "hint", "hintmaterial",
    "selection_ordering", "selection", "selection_number", "order", "sectionref", "itemref",
}
# What Canvas reads from qtimetadata question_type (classic quizzes).
CANVAS_TYPES = {
    "multiple_choice_question", "multiple_answers_question", "true_false_question",
    "short_answer_question", "matching_question",
}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def check_item(item, where, problems):
    ident = item.get("ident")
    if not ident:
        problems.append(f"{where}: <item> without ident")
    names = {local(e.tag) for e in item.iter()}
    if "presentation" not in names:
        problems.append(f"{where}: no <presentation>")
    meta = {
        (f.findtext("{*}fieldlabel") or "").strip(): (f.findtext("{*}fieldentry") or "").strip()
        for f in item.iter()
        if local(f.tag) == "qtimetadatafield"
    }
    if meta.get("question_type") not in CANVAS_TYPES:
        problems.append(f"{where}: question_type {meta.get('question_type')!r}")
    feedback = {e.get("ident") for e in item if local(e.tag) == "itemfeedback"}
    responses = {}
    for e in item.iter():
        if local(e.tag) in ("response_lid", "response_str"):
            labels = {l.get("ident") for l in e.iter() if local(l.tag) == "response_label"}
            responses[e.get("ident")] = (local(e.tag), labels)
            if e.get("rcardinality", "Single") not in ("Single", "Multiple", "Ordered"):
                problems.append(f"{where}: rcardinality {e.get('rcardinality')!r}")
    for e in item.iter():
        tag = local(e.tag)
        if tag == "displayfeedback" and e.get("linkrefid") not in feedback:
            problems.append(f"{where}: displayfeedback to missing {e.get('linkrefid')!r}")
        if tag == "varequal":
            kind, labels = responses.get(e.get("respident"), (None, set()))
            if kind is None:
                problems.append(f"{where}: varequal for missing response {e.get('respident')!r}")
            elif kind == "response_lid" and (e.text or "").strip() not in labels:
                problems.append(f"{where}: varequal names no label: {e.text!r}")
        if tag == "setvar" and e.get("action", "Set") not in ("Set", "Add", "Subtract", "Multiply", "Divide"):
            problems.append(f"{where}: setvar action {e.get('action')!r}")
        if tag == "mattext" and e.get("texttype", "text/plain") not in ("text/plain", "text/html"):
            problems.append(f"{where}: texttype {e.get('texttype')!r}")
    if not any(local(e.tag) == "setvar" for e in item.iter()):
        problems.append(f"{where}: nothing is scored")


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--items"):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    problems = []
    items = 0
    with zipfile.ZipFile(argv[1]) as z:
        if z.testzip() is not None:
            problems.append("a zip entry fails its CRC")
        manifest = ET.fromstring(z.read("imsmanifest.xml"))
        for e in manifest.iter():
            if local(e.tag) not in CP and "imsmd" not in e.tag and "lom" not in e.tag:
                problems.append(f"imsmanifest.xml: <{local(e.tag)}> is not IMS CP 1.1")
        hrefs = []
        for res in manifest.iter():
            if local(res.tag) == "resource" and res.get("type", "").startswith("imsqti_xmlv1p2"):
                files = [f.get("href") for f in res if local(f.tag) == "file"]
                hrefs.append(res.get("href") or files[0])
        if not hrefs:
            problems.append("imsmanifest.xml lists no imsqti_xmlv1p2 resource")
        for href in hrefs:
            root = ET.fromstring(z.read(href))
            if local(root.tag) != "questestinterop":
                problems.append(f"{href}: root <{local(root.tag)}>")
            for e in root.iter():
                if local(e.tag) not in ASI:
                    problems.append(f"{href}: <{local(e.tag)}> is not a QTI 1.2 ASI element")
            for n, item in enumerate((e for e in root.iter() if local(e.tag) == "item"), 1):
                items += 1
                check_item(item, f"{href}: item {n} ({item.get('ident')})", problems)
    if len(argv) == 4 and items != int(argv[3]):
        problems.append(f"{items} items, expected {argv[3]}")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"qti12: {items} items in {len(hrefs)} assessment(s); {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
