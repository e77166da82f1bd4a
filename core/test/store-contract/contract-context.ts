import type { Store } from '../../src/store/ports.ts';

/** What each contract section needs: the suite's shared store and a way to open another one. */
export interface ContractContext {
  /** The store opened in `beforeAll`; shared by the tests of one adapter. */
  store(): Store;
  /** Opens a second store on the same database (another connection, as another process would). */
  open(): Promise<Store>;
}

/** Asserts that `promise` rejects with an error of that `name` (ports say: recognise by name). */
export async function rejectsWithName(promise: Promise<unknown>, name: string): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && error.name === name) return error;
    throw new Error(`expected ${name}, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${name}, but it resolved`);
}
