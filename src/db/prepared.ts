import type { Db } from "./types";

/**
 * A query built and prepared once per database, for the statements every turn runs (drizzle
 * otherwise builds the SQL again on each call). Per database, not global: the db is passed in.
 */
export function preparedPerDb<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const cache = new WeakMap<Db, Query>();
  return (db) => {
    let query = cache.get(db);
    if (!query) {
      query = build(db);
      cache.set(db, query);
    }
    return query;
  };
}
