/// The full-text search index and the triggers that keep it in step with its sources.
///
/// One document per vehicle (rowid = vehicle id × 2) and one per customer who has no vehicle
/// (rowid = customer id × 2 + 1), each holding the owner's name, phone digits, the plate and the VIN.
/// Triggers rebuild a customer's documents inside the very transaction that changed the customer,
/// a phone or a vehicle, so the index cannot drift even when rows are written by other tools.
enum SearchIndexSchema {
    static let table = "search_index"

    /// Deletes and re-inserts every document of the customer whose id is the SQL expression `customer`.
    static func refresh(customer: String) -> String {
        """
        DELETE FROM search_index WHERE rowid = (\(customer)) * 2 + 1;
        DELETE FROM search_index WHERE rowid IN (SELECT id * 2 FROM vehicle WHERE owner_id = (\(customer)));
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
        CREATE TRIGGER search_customer_insert AFTER INSERT ON customer BEGIN
            \(refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_customer_update AFTER UPDATE OF name ON customer BEGIN
            \(refresh(customer: "NEW.id"))
        END;
        CREATE TRIGGER search_customer_delete AFTER DELETE ON customer BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1;
        END;
        CREATE TRIGGER search_phone_insert AFTER INSERT ON customer_phone BEGIN
            \(refresh(customer: "NEW.customer_id"))
        END;
        CREATE TRIGGER search_phone_update AFTER UPDATE ON customer_phone BEGIN
            \(refresh(customer: "OLD.customer_id"))
            \(refresh(customer: "NEW.customer_id"))
        END;
        CREATE TRIGGER search_phone_delete AFTER DELETE ON customer_phone BEGIN
            \(refresh(customer: "OLD.customer_id"))
        END;
        CREATE TRIGGER search_vehicle_insert AFTER INSERT ON vehicle BEGIN
            \(refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_vehicle_update AFTER UPDATE OF owner_id, plate, vin ON vehicle BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2;
            \(refresh(customer: "OLD.owner_id"))
            \(refresh(customer: "NEW.owner_id"))
        END;
        CREATE TRIGGER search_vehicle_delete AFTER DELETE ON vehicle BEGIN
            DELETE FROM search_index WHERE rowid = OLD.id * 2;
            \(refresh(customer: "OLD.owner_id"))
        END;
        """
    }
}
