import type { CompiledQuery } from 'kysely'
import type { Executor } from './audit'

/**
 * A hot query built and compiled by kysely once, then run with new parameters: building and
 * compiling cost more than running a one-row lookup. `build` must use placeholder values in the
 * same order as the parameters later passed.
 */
export function compiledOnce<Row>(build: (db: Executor) => { compile(): CompiledQuery<Row> }) {
  let compiled: CompiledQuery<Row> | undefined
  return async (db: Executor, parameters: readonly unknown[]): Promise<Row[]> => {
    compiled ??= build(db).compile()
    if (compiled.parameters.length !== parameters.length) throw new Error('compiled query called with the wrong number of parameters')
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows
  }
}
