"""Test support: runs the SAM transform (cfn-lint's wrapper of AWS's samtranslator, offline) on
templates read as one JSON object {name: template} from standard input; writes {name: transformed}
or {name: {"error": message}} to standard output."""

import json
import sys

from cfnlint.template.transforms._sam import Transform


def main() -> None:
    templates = json.load(sys.stdin)
    result = {}
    for name, template in templates.items():
        transform = Transform(name, template, "us-east-1")
        problems = transform.transform_template()
        result[name] = {"error": "; ".join(str(p) for p in problems)} if problems else transform.template()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
