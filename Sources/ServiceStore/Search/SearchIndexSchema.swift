/// The full-text search index and the triggers that keep it in step with its sources.
///
/// One document per vehicle (rowid = vehicle id × 2) and one per customer who has no vehicle
/// (rowid = customer id × 2 + 1), each holding the owner's name, phone digits, the plate and the VIN.
/// Triggers rebuild a customer's documents inside the very transaction that changed the customer,
/// a phone or a vehicle, so the index cannot drift even when rows are written by other tools.
enum SearchIndexSchema {
    static let table = "search_index"

    /// Deletes and re-inserts every document of the customer whose id is the SQL expression `customer`.
    /// One DELETE: two in a row made FTS5 prepare one of its internal statements again on every firing,
    /// which was half the cost of inserting a customer (see `search-2-one-delete`).
    static func refresh(customer: String) -> String {
        """
        DELETE FROM search_index WHERE rowid IN (
            SELECT (\(customer)) * 2 + 1 UNION ALL SELECT id * 2 FROM vehicle WHERE owner_id = (\(customer)));
        \(insert(customer: customer))
        """
    }

    /// The triggers as v1 made them (two DELETEs); frozen with the v1 migration.
    static func refreshV1(customer: String) -> String {
        """
        DELETE FROM search_index WHERE rowid = (\(customer)) * 2 + 1;
        DELETE FROM search_index WHERE rowid IN (SELECT id * 2 FROM vehicle WHERE owner_id = (\(customer)));
        \(insert(customer: customer))
        """
    }

    static func insert(customer: String) -> String {
        """
        INSERT INTO search_index (rowid, name, phones, plate, vin, customer_id, vehicle_id)
            SELECT CASE WHEN v.id IS NULL THEN c.id * 2 + 1 ELSE v.id * 2 END,
                   c.name,
                   COALESCE((SELECT group_concat(digits, ' ') FROM (
                       SELECT replace(replace(replace(replace(phone, '-', ''), ' ', ''), '+', ''), '.', '') AS digits
                       FROM customer_phone WHERE customer_id = c.id ORDER BY position)), ''),
                   COALESCE(v.plate, ''),
                   COALESCE(v.vin, ''),
                   c.id,
                   v.id
            FROM customer c LEFT JOIN vehicle v ON v.owner_id = c.id
            WHERE c.id = (\(customer));
        """
    }

    static var v1: String {
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            name, phones, plate, vin, customer_id UNINDEXED, vehicle_id UNINDEXED,
            tokenize = 'trigram'
        );
        \(triggers(refreshV1))
        """
    }

    /// `search-2-one-delete`: the same triggers with one DELETE per refresh.
    static var oneDelete: String {
        """
        DROP TRIGGER search_customer_insert;
        DROP TRIGGER search_customer_update;
        DROP TRIGGER search_customer_delete;
        DROP TRIGGER search_phone_insert;
        DROP TRIGGER search_phone_update;
        DROP TRIGGER search_phone_delete;
        DROP TRIGGER search_vehicle_insert;
        DROP TRIGGER search_vehicle_update;
        DROP TRIGGER search_vehicle_delete;
        \(triggers(refresh))
        """
    }

    static func triggers(_ refresh: (String) -> String) -> String {
        """
        CREATE TRIGGER search_customer_insert AFTER INSERT ON customer BEGIN
            \(refresh("NEW.id"))
        END;
        CREATE TRIGGER search_customer_update AFTER UPDATE OF name ON customer BEGIN
            \(refresh("NEW.id"))
        END;
        CREATE TRIGGER search_customer_delete AFTER DELETE ON customer BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1;
        END;
        CREATE TRIGGER search_phone_insert AFTER INSERT ON customer_phone BEGIN
            \(refresh("NEW.customer_id"))
        END;
        CREATE TRIGGER search_phone_update AFTER UPDATE ON customer_phone BEGIN
            \(refresh("OLD.customer_id"))
            \(refresh("NEW.customer_id"))
        END;
        CREATE TRIGGER search_phone_delete AFTER DELETE ON customer_phone BEGIN
            \(refresh("OLD.customer_id"))
        END;
        CREATE TRIGGER search_vehicle_insert AFTER INSERT ON vehicle BEGIN
            \(refresh("NEW.owner_id"))
        END;
        CREATE TRIGGER search_vehicle_update AFTER UPDATE OF owner_id, plate, vin ON vehicle BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2;
            \(refresh("OLD.owner_id"))
            \(refresh("NEW.owner_id"))
        END;
        CREATE TRIGGER search_vehicle_delete AFTER DELETE ON vehicle BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2;
            \(refresh("OLD.owner_id"))
        END;
        """
    }
}
