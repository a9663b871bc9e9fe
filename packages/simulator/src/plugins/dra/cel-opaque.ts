// Opaque CEL types (upstream's kubernetes.Quantity and kubernetes.Semver) on @bufbuild/cel, which
// has no extension point for custom value types: each is a protobuf message type described at
// runtime, so functions and methods dispatch on its type name as cel-go does on the Go type. The
// JS value (a bigint, a parsed version) rides beside the message; the message's one field is only
// a readable rendering.

import { CelScalar, celEnv, celFunc, objectType, type CelFunc, type CelObjectType, type CelValue } from '@bufbuild/cel';
import { create, createFileRegistry, type DescMessage, type Message } from '@bufbuild/protobuf';
import { isReflectMessage, reflect, type ReflectMessage } from '@bufbuild/protobuf/reflect';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

/** One opaque type: its CEL type and the conversions between its JS values and CEL values. */
export interface OpaqueType<V> {
  readonly type: CelObjectType;
  wrap(value: V): ReflectMessage;
  /** The JS value of a CEL value of this type, else undefined. */
  unwrap(value: CelValue): V | undefined;
  /** Upstream's Equal on two values of this type. */
  equal(a: V, b: V): boolean;
}

/** `kubernetes.<name>`, a message with one string field `text`. */
export function opaqueType<V>(name: string, render: (value: V) => string, equal: (a: V, b: V) => boolean): OpaqueType<V> {
  const file = create(FileDescriptorProtoSchema, {
    name: `kubernetes/${name.toLowerCase()}.proto`,
    package: 'kubernetes',
    syntax: 'proto3',
    messageType: [
      {
        name,
        field: [
          { name: 'text', jsonName: 'text', number: 1, type: FieldDescriptorProto_Type.STRING, label: FieldDescriptorProto_Label.OPTIONAL },
        ],
      },
    ],
  });
  const desc: DescMessage | undefined = createFileRegistry(file, () => undefined).getMessage(`kubernetes.${name}`);
  if (!desc) throw new Error(`internal error: descriptor kubernetes.${name} not registered`);
  const values = new WeakMap<Message, V>();
  return {
    type: objectType(desc),
    equal,
    wrap(value) {
      const message = create(desc, { text: render(value) });
      values.set(message, value);
      return reflect(desc, message);
    },
    unwrap(value) {
      return isReflectMessage(value) && value.desc === desc ? values.get(value.message) : undefined;
    },
  };
}

/**
 * `==` and `!=` that compare opaque values as upstream's Equal methods do: by value within one
 * type, and a "no such overload" error against any other type (cel-go's MaybeNoSuchOverloadErr),
 * where the library's own equality would answer false. Everything else keeps the library's equality.
 */
export function opaqueEquality(types: readonly OpaqueType<unknown>[]): CelFunc[] {
  const std = celEnv().funcs.find('_==_');
  const libraryEquals = (l: CelValue, r: CelValue): boolean => std?.call(0, undefined, [l, r]) === true;
  const equals = (l: CelValue, r: CelValue): boolean => {
    for (const t of types) {
      const a = t.unwrap(l);
      const b = t.unwrap(r);
      if (a === undefined && b === undefined) continue;
      if (a === undefined || b === undefined) throw new Error('no such overload');
      return t.equal(a, b);
    }
    return libraryEquals(l, r);
  };
  return [
    celFunc('_==_', [CelScalar.DYN, CelScalar.DYN], CelScalar.BOOL, equals),
    celFunc('_!=_', [CelScalar.DYN, CelScalar.DYN], CelScalar.BOOL, (l, r) => !equals(l, r)),
  ];
}

/** The parsed value, or undefined when the text does not parse (for the `is...` predicates and for slice values). */
export function parsedOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}
