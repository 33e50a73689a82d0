-- The dashboard sorts and counts a campaign's assignments by the unit's place in the city's list. Joining
-- 10,000 units and sorting on (kind, sortOrder, name) cost 50 ms a page; one integer on the assignment row
-- sorts in a few. The copies are kept here, in the database, so every writer (the app, the seed, raw SQL)
-- keeps them right without knowing about them.

ALTER TABLE "Unit" ADD COLUMN "rank" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Assignment" ADD COLUMN "unitKind" "UnitKind",
ADD COLUMN "unitRank" INTEGER NOT NULL DEFAULT 0;

-- Renumbers the units after any change to their order and copies kind and rank to the assignments that moved.
-- Statement-level: a bulk insert of 10,000 units renumbers once. The advisory lock serialises two admins
-- reordering at once, so each renumbering sees the other's committed units.
CREATE FUNCTION camket_rank_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7261203);
  UPDATE "Unit" u SET "rank" = r.rank
  FROM (SELECT id, (row_number() OVER (ORDER BY kind, "sortOrder", name, id))::int AS rank FROM "Unit") r
  WHERE u.id = r.id AND u."rank" <> r.rank;
  UPDATE "Assignment" a SET "unitKind" = u.kind, "unitRank" = u."rank"
  FROM "Unit" u
  WHERE a."unitId" = u.id AND (a."unitRank" <> u."rank" OR a."unitKind" IS DISTINCT FROM u.kind);
  RETURN NULL;
END $$;

CREATE TRIGGER "Unit_order_changed"
AFTER INSERT OR DELETE OR UPDATE OF kind, "sortOrder", name ON "Unit"
FOR EACH STATEMENT EXECUTE FUNCTION camket_rank_units();

CREATE FUNCTION camket_copy_unit_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT kind, "rank" INTO NEW."unitKind", NEW."unitRank" FROM "Unit" WHERE id = NEW."unitId";
  RETURN NEW;
END $$;

CREATE TRIGGER "Assignment_copy_unit_order"
BEFORE INSERT OR UPDATE OF "unitId" ON "Assignment"
FOR EACH ROW EXECUTE FUNCTION camket_copy_unit_order();

-- Existing rows: number the units once (the function's body, outside a trigger).
UPDATE "Unit" u SET "rank" = r.rank
FROM (SELECT id, (row_number() OVER (ORDER BY kind, "sortOrder", name, id))::int AS rank FROM "Unit") r
WHERE u.id = r.id;
UPDATE "Assignment" a SET "unitKind" = u.kind, "unitRank" = u."rank" FROM "Unit" u WHERE a."unitId" = u.id;

-- The default sort and the kind filter walk this instead of the table.
CREATE INDEX "Assignment_campaignId_unitRank_idx" ON "Assignment"("campaignId", "unitRank") WHERE (status <> 'SUPERSEDED'::"AssignmentStatus");
