// cel.bind(name, init, body), the cel-go ext.Bindings macro that the DRA CEL environment enables
// (compile.go), so a domain is named once: cel.bind(dra, device.attributes["dra.example.com"], ...).
// @bufbuild/cel's parser does not know it, so the parsed call is rewritten as cel-go expands it: a
// comprehension over an empty list whose accumulator is `name` = init and whose result is body.

import { parse } from '@bufbuild/cel';

type Expr = ReturnType<typeof parse>['expr'];

/** A fresh `[].all(name, false)` comprehension, to be refitted as a binding. */
function comprehensionOf(name: string, init: Expr, body: Expr): Expr['exprKind'] {
  const kind = parse('[].all(unused, false)').expr.exprKind;
  if (kind.case !== 'comprehensionExpr') throw new Error('internal error: macro did not expand to a comprehension');
  const c = kind.value;
  c.iterVar = '#unused';
  c.accuVar = name;
  c.accuInit = init;
  c.loopCondition = parse('false').expr;
  c.loopStep = parse(name).expr;
  c.result = body;
  return kind;
}

/** Rewrites every `cel.bind(name, init, body)` in the expression, in place. */
export function expandBindings(expr: Expr): void {
  const kind = expr.exprKind;
  if (kind.case === 'callExpr') {
    const { target, args } = kind.value;
    for (const arg of args) expandBindings(arg);
    if (target) expandBindings(target);
    const [name, init, body] = args;
    const isBind =
      kind.value.function === 'bind' &&
      target?.exprKind.case === 'identExpr' &&
      target.exprKind.value.name === 'cel' &&
      args.length === 3 &&
      name?.exprKind.case === 'identExpr';
    if (isBind && name.exprKind.case === 'identExpr' && init && body) expr.exprKind = comprehensionOf(name.exprKind.value.name, init, body);
    return;
  }
  if (kind.case === 'selectExpr' && kind.value.operand) expandBindings(kind.value.operand);
  if (kind.case === 'listExpr') for (const e of kind.value.elements) expandBindings(e);
  if (kind.case === 'structExpr') {
    for (const entry of kind.value.entries) {
      if (entry.value) expandBindings(entry.value);
      if (entry.keyKind.case === 'mapKey') expandBindings(entry.keyKind.value);
    }
  }
  if (kind.case === 'comprehensionExpr') {
    const c = kind.value;
    for (const e of [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]) if (e) expandBindings(e);
  }
}
