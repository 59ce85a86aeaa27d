"""The mutants of Python source files, for `npm run check -- --mutate SLUG --language python`.

    python3 -E -s -B mutants.py FILE...      (stdlib only: ast, bisect, json, re)
    python3 -E -s -B mutants.py < FILES.json  ([{"file": NAME, "text": SOURCE}, ...])

Prints a JSON list on stdout, one object per mutant of every file (in the order given):
  id          "0", "1", ... numbered across the files
  file        the FILE argument's base name
  line, column  1-based, in characters, where the mutated code starts
  mutator     the operator's name (StrykerJS's where it has the same one)
  original    the source text replaced
  replacement the text that replaced it
  source      the whole mutated file

Each mutant is a text splice at its node's exact offsets: the rest of the file stays as it was,
byte for byte, and so do the line numbers (a replacement shorter in lines than what it replaces
is padded with line breaks inside parentheses, or with blank lines after a statement). A mutant
whose source would not parse, or would parse to the same tree, is left out.
"""

import ast
import bisect
import json
import os
import re
import sys

# The operators swapped, as StrykerJS's ArithmeticOperator and EqualityOperator do.
ARITHMETIC = {
    ast.Add: ['-'],
    ast.Sub: ['+'],
    ast.Mult: ['/'],
    ast.Div: ['*'],
    ast.FloorDiv: ['*'],
    ast.Mod: ['*'],
}
ARITHMETIC_TOKEN = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.Div: '/', ast.FloorDiv: '//', ast.Mod: '%'}
ASSIGNMENT = {ast.Add: '-=', ast.Sub: '+=', ast.Mult: '/=', ast.Div: '*=', ast.FloorDiv: '*=', ast.Mod: '*='}
EQUALITY = {
    ast.Lt: ['<=', '>='],
    ast.LtE: ['<', '>'],
    ast.Gt: ['>=', '<='],
    ast.GtE: ['>', '<'],
    ast.Eq: ['!='],
    ast.NotEq: ['=='],
    ast.Is: ['is not'],
    ast.IsNot: ['is'],
    ast.In: ['not in'],
    ast.NotIn: ['in'],
}
EQUALITY_TOKEN = re.compile(r'<=|>=|==|!=|<|>|\bis\s+not\b|\bnot\s+in\b|\bis\b|\bin\b')
LOOP_FUNCTIONS = {'range'}


class Source:
    """A file's text, with ast's (line, UTF-8 byte column) positions turned into string offsets."""

    def __init__(self, text):
        self.text = text
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.lines = text.splitlines(keepends=True)

    def offset(self, line, byte_column):
        row = self.lines[line - 1] if line - 1 < len(self.lines) else ''
        column = len(row.encode('utf-8')[:byte_column].decode('utf-8', errors='ignore'))
        return self.line_starts[line - 1] + column

    def start(self, node):
        return self.offset(node.lineno, node.col_offset)

    def end(self, node):
        return self.offset(node.end_lineno, node.end_col_offset)

    def segment(self, node):
        return self.text[self.start(node):self.end(node)]

    def position(self, offset):
        """1-based line and column (in characters) of a string offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def docstring_nodes(tree):
    """The string constants that are docstrings (of the module, a class or a function)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def is_atom(text):
    return re.fullmatch(r'[\w.]+', text.strip()) is not None


class Collector(ast.NodeVisitor):
    """Walks a module and proposes (mutator, start, end, replacement, kind) for each site."""

    def __init__(self, source, tree):
        self.source = source
        self.docstrings = docstring_nodes(tree)
        self.sites = []

    def add(self, mutator, start, end, replacement, kind='expression'):
        self.sites.append((mutator, start, end, replacement, kind))

    def add_node(self, mutator, node, replacement, kind='expression'):
        self.add(mutator, self.source.start(node), self.source.end(node), replacement, kind)

    def gap(self, left, right):
        """The text between two nodes (an operator among parentheses and blanks) and its offset."""
        start = self.source.end(left)
        return start, self.source.text[start:self.source.start(right)]

    # Expressions
    def visit_BinOp(self, node):
        kind = type(node.op)
        if kind in ARITHMETIC:
            start, between = self.gap(node.left, node.right)
            token = ARITHMETIC_TOKEN[kind]
            at = operator_at(between, token)
            if at is not None:
                for replacement in ARITHMETIC[kind]:
                    self.splice_within('ArithmeticOperator', node, start + at, start + at + len(token), replacement)
        self.generic_visit(node)

    def visit_Compare(self, node):
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            start, between = self.gap(left, right)
            match = EQUALITY_TOKEN.search(strip_comments(between))
            if match is not None and type(op) in EQUALITY:
                for replacement in EQUALITY[type(op)]:
                    self.splice_within('EqualityOperator', node, start + match.start(), start + match.end(), replacement)
            left = right
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        word, other = ('and', 'or') if isinstance(node.op, ast.And) else ('or', 'and')
        node_start = self.source.start(node)
        text = self.source.segment(node)
        pieces, last = [], node_start
        for left, right in zip(node.values, node.values[1:]):
            start, between = self.gap(left, right)
            match = re.search(r'\b%s\b' % word, strip_comments(between))
            if match is None:
                break
            pieces.append(text[last - node_start:start + match.start() - node_start])
            pieces.append(other)
            last = start + match.end()
        else:
            pieces.append(text[last - node_start:])
            self.add_node('LogicalOperator', node, ''.join(pieces))
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        start = self.source.start(node)
        if isinstance(node.op, ast.Not):
            # `not x` -> `x` (StrykerJS's BooleanLiteral: `!a` -> `a`); the operand keeps its parentheses.
            rest = self.source.text[start + 3:self.source.end(node)]
            self.add_node('BooleanLiteral', node, rest.lstrip(' '))
        elif isinstance(node.op, (ast.USub, ast.UAdd)):
            sign = '+' if isinstance(node.op, ast.USub) else '-'
            self.add_node('UnaryOperator', node, sign + self.source.text[start + 1:self.source.end(node)])
        self.generic_visit(node)

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            self.add_node('BooleanLiteral', node, 'False' if value else 'True')
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.add_node('NumericLiteral', node, '1' if value == 0 else '0')
        elif isinstance(value, (str, bytes)) and id(node) not in self.docstrings:
            prefix = 'b' if isinstance(value, bytes) else ''
            if len(value) > 0:
                self.add_node('StringLiteral', node, prefix + '""')
            else:
                self.add_node('StringLiteral', node, prefix + '"Stryker was here!"')

    def visit_JoinedStr(self, node):
        # An f-string as a whole (the positions inside one are not reliable in Python 3.11).
        if node.values:
            self.add_node('StringLiteral', node, '""')

    def visit_IfExp(self, node):
        self.add_node('ConditionalExpression', node.test, 'True')
        self.add_node('ConditionalExpression', node.test, 'False')
        self.generic_visit(node)

    # Statements
    def visit_If(self, node):
        self.add_node('ConditionalExpression', node.test, 'True')
        self.add_node('ConditionalExpression', node.test, 'False')
        self.generic_visit(node)

    def visit_While(self, node):
        # Only false, as StrykerJS does: a loop forced on would never end.
        self.add_node('ConditionalExpression', node.test, 'False')
        self.generic_visit(node)

    def visit_For(self, node):
        call = node.iter
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in LOOP_FUNCTIONS and 1 <= len(call.args) <= 3:
            bound = call.args[0] if len(call.args) == 1 else call.args[1]
            text = self.source.segment(bound)
            operand = text if is_atom(text) else '(%s)' % text
            self.add_node('LoopBound', bound, operand + ' - 1')
            self.add_node('LoopBound', bound, operand + ' + 1')
        self.generic_visit(node)

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Call):
            self.add_node('CallStatement', node, 'pass', kind='statement')
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        kind = type(node.op)
        if kind in ASSIGNMENT:
            start, between = self.gap(node.target, node.value)
            token = ARITHMETIC_TOKEN[kind] + '='
            at = strip_comments(between).find(token)
            if at >= 0:
                self.splice_within('AssignmentOperator', node, start + at, start + at + len(token), ASSIGNMENT[kind], kind='statement')
        self.generic_visit(node)

    def visit_Return(self, node):
        if node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
            self.add_node('ReturnValue', node.value, 'None')
        self.generic_visit(node)

    def visit_With(self, node):
        # `with lock:` -> `if True:`: the body runs without the context (a lock not taken).
        if all(item.optional_vars is None for item in node.items):
            start = self.source.start(node)
            end = self.source.end(node.items[-1].context_expr)
            self.add('WithStatement', start, end, 'if True', kind='header')
        self.generic_visit(node)

    def splice_within(self, mutator, node, start, end, replacement, kind='expression'):
        """A mutant of `node` made by replacing [start, end) inside it: reported as the whole node changed."""
        node_start, node_end = self.source.start(node), self.source.end(node)
        text = self.source.text
        self.add(mutator, node_start, node_end, text[node_start:start] + replacement + text[end:node_end], kind)


def strip_comments(text):
    """Comments blanked (same length), so that an operator is not found inside one."""
    return re.sub(r'#[^\n]*', lambda m: ' ' * len(m.group(0)), text)


def operator_at(between, token):
    """Offset of the arithmetic operator `token` in the text between two operands."""
    cleaned = strip_comments(between)
    for match in re.finditer(re.escape(token), cleaned):
        before = cleaned[match.start() - 1:match.start()]
        after = cleaned[match.end():match.end() + 1]
        if token in ('*', '/') and (before == token or after == token):
            continue
        return match.start()
    return None


def padded(original, replacement, kind):
    """The replacement with as many line breaks as the original, so that later lines keep their numbers."""
    missing = original.count('\n') - replacement.count('\n')
    if missing <= 0:
        return [replacement]
    if kind == 'expression':
        return ['(' + replacement + '\n' * missing + ')', replacement]
    return [replacement + '\n' * missing, replacement]


def same_tree(a, b):
    return ast.dump(a) == ast.dump(b)


def file_mutants(name, text, first_id=0):
    """The mutants of one file's text, numbered from first_id."""
    source = Source(text)
    tree = ast.parse(text)
    collector = Collector(source, tree)
    collector.visit(tree)
    mutants = []
    seen = set()
    for mutator, start, end, replacement, kind in sorted(collector.sites, key=lambda s: (s[1], s[2], s[0], s[3])):
        original = text[start:end]
        if (start, end, replacement) in seen or replacement == original:
            continue
        seen.add((start, end, replacement))
        for candidate in padded(original, replacement, kind):
            mutated = text[:start] + candidate + text[end:]
            try:
                mutated_tree = ast.parse(mutated)
            except SyntaxError:
                continue
            if same_tree(tree, mutated_tree):
                break
            line, column = source.position(start)
            mutants.append({
                'id': str(first_id + len(mutants)),
                'file': name,
                'line': line,
                'column': column,
                'mutator': mutator,
                'original': original,
                'replacement': replacement,
                'source': mutated,
            })
            break
    return mutants


def main(paths):
    if paths:
        files = []
        for file in paths:
            with open(file, encoding='utf-8') as handle:
                files.append({'file': os.path.basename(file), 'text': handle.read()})
    else:
        files = json.load(sys.stdin)
    mutants = []
    for entry in files:
        mutants.extend(file_mutants(entry['file'], entry['text'], len(mutants)))
    json.dump(mutants, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
