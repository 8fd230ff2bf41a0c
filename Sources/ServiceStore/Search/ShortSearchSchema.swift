import GRDB

/// The index behind one- and two-character searches (Chinese names are often two characters, and a
/// clerk types the first character of a name or two of a plate before anything else).
///
/// The trigram index cannot answer fewer than three characters, and a `LIKE '%x%'` over every
/// customer and vehicle reads the whole tables: at 50,000 customers a rare character took 20–35 ms
/// per keystroke. This table holds every distinct one- and two-character piece ("gram") of each
/// customer's name and of their plates, lower-cased as SQLite's `lower()` does (ASCII only), with
/// how well the piece matches the customer:
///   1 — the whole name, 2 — the start of the name, 3 — anywhere else in the name or in a plate.
/// The primary key is the search's order (`gram`, `rank`, `name`, `customer_id`), so a search reads
/// just the first rows of one key range and stops: the cost no longer grows with the shop.
///
/// Triggers rebuild a customer's rows inside the transaction that changed their name or vehicles,
/// in plain SQL, so rows written by other tools (the `sqlite3` shell, an older build) keep it right.
/// Triggers may not use common table expressions, so positions come from a small numbers table.
public enum ShortSearchSchema {
    /// Positions 1…`maxPosition`; names hold at most 40 characters and plates 8, so this is ample.
    static let maxPosition = 128

    /// Deletes and re-inserts the rows of the customer whose id is the SQL expression `customer`.
    static func refresh(customer: String) -> String {
        """
        DELETE FROM search_short WHERE customer_id = (\(customer));
        \(insert(where: "c.id = (\(customer)) AND"))
        """
    }

    /// Inserts the rows of the customers `condition` (SQL on `c`, ending in AND; empty for all) selects.
    /// Positions are bounded as `p.n <= length + 1 - width` so they are read as a range of the numbers
    /// table, not tested one by one (half the cost of a customer's insert).
    static func insert(where condition: String) -> String {
        """
        INSERT INTO search_short (gram, rank, name, customer_id)
            SELECT gram, MIN(rank), name, customer_id FROM (
                SELECT substr(lower(c.name), p.n, w.width) AS gram,
                       CASE WHEN p.n > 1 THEN 3 WHEN length(c.name) = w.width THEN 1 ELSE 2 END AS rank,
                       c.name AS name, c.id AS customer_id
                FROM customer c, (SELECT 1 AS width UNION ALL SELECT 2) w, search_gram_position p
                WHERE \(condition) p.n <= length(c.name) + 1 - w.width
                UNION ALL
                SELECT substr(lower(v.plate), p.n, w.width), 3, c.name, c.id
                FROM customer c JOIN vehicle v ON v.owner_id = c.id,
                     (SELECT 1 AS width UNION ALL SELECT 2) w, search_gram_position p
                WHERE \(condition) p.n <= length(v.plate) + 1 - w.width
            )
            GROUP BY customer_id, gram;
        """
    }

    static var create: String {
        """
        CREATE TABLE search_gram_position (n INTEGER PRIMARY KEY);
        INSERT INTO search_gram_position (n)
            VALUES \((1...maxPosition).map { "(\($0))" }.joined(separator: ", "));
        CREATE TABLE search_short (
            gram TEXT NOT NULL,
            rank INTEGER NOT NULL,
            name TEXT NOT NULL,
            customer_id INTEGER NOT NULL,
            PRIMARY KEY (gram, rank, name, customer_id)
        ) WITHOUT ROWID;
        CREATE INDEX search_short_customer ON search_short(customer_id);
        CREATE TRIGGER search_short_customer_insert AFTER INSERT ON customer BEGIN
            \(refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_short_customer_update AFTER UPDATE OF name ON customer BEGIN
            \(refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_short_customer_delete AFTER DELETE ON customer BEGIN
            DELETE FROM search_short WHERE customer_id = OLD.id;
        END;
        CREATE TRIGGER search_short_vehicle_insert AFTER INSERT ON vehicle BEGIN
            \(refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_short_vehicle_update AFTER UPDATE OF owner_id, plate ON vehicle BEGIN
            \(refresh(customer: "OLD.owner_id"))
            \(refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_short_vehicle_delete AFTER DELETE ON vehicle BEGIN
            \(refresh(customer: "OLD.owner_id"))
        END;
        """
    }

    /// `text` lower-cased as SQLite's `lower()` does: ASCII letters only, so the search and the index agree.
    public static func lowered(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }

    /// The search for one short piece, in result order; `:gram` is already lower-cased.
    public static let query = """
        SELECT customer_id, rank, name FROM search_short
        WHERE gram = :gram
        ORDER BY rank, name, customer_id
        LIMIT :limit
        """
}

extension Schema {
    /// Saves write every column, so `UPDATE OF name` fired on any edit of a customer (notes, a flag) and
    /// rebuilt both search indexes; and a vehicle whose owner stayed the same was rebuilt twice. The
    /// update triggers now run only when what they index changed, once per owner.
    static var onlyWhenChanged: String {
        """
        DROP TRIGGER search_customer_update;
        DROP TRIGGER search_vehicle_update;
        DROP TRIGGER search_short_customer_update;
        DROP TRIGGER search_short_vehicle_update;
        CREATE TRIGGER search_customer_update AFTER UPDATE OF name ON customer
        WHEN OLD.name IS NOT NEW.name BEGIN
            \(SearchIndexSchema.refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_vehicle_update AFTER UPDATE OF owner_id, plate, vin ON vehicle
        WHEN OLD.owner_id = NEW.owner_id AND (OLD.plate IS NOT NEW.plate OR OLD.vin IS NOT NEW.vin) BEGIN
            \(SearchIndexSchema.refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_vehicle_moved AFTER UPDATE OF owner_id ON vehicle
        WHEN OLD.owner_id IS NOT NEW.owner_id BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2;
            \(SearchIndexSchema.refresh(customer: "OLD.owner_id"))
            \(SearchIndexSchema.refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_short_customer_update AFTER UPDATE OF name ON customer
        WHEN OLD.name IS NOT NEW.name BEGIN
            \(ShortSearchSchema.refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_short_vehicle_update AFTER UPDATE OF owner_id, plate ON vehicle
        WHEN OLD.owner_id = NEW.owner_id AND OLD.plate IS NOT NEW.plate BEGIN
            \(ShortSearchSchema.refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_short_vehicle_moved AFTER UPDATE OF owner_id ON vehicle
        WHEN OLD.owner_id IS NOT NEW.owner_id BEGIN
            \(ShortSearchSchema.refresh(customer: "OLD.owner_id"))
            \(ShortSearchSchema.refresh(customer: "NEW.owner_id"))
        END;
        """
    }

    static func registerSearchMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("search-1-short-substrings") { db in
            try db.execute(sql: ShortSearchSchema.create)
            // Fills the table for the customers already stored (one statement; seconds at ten years' data).
            try db.execute(sql: ShortSearchSchema.insert(where: ""))
        }
        migrator.registerMigration("search-2-one-delete") { db in
            try db.execute(sql: SearchIndexSchema.oneDelete)
        }
        migrator.registerMigration("search-3-only-when-changed") { db in
            try db.execute(sql: onlyWhenChanged)
        }
    }
}
