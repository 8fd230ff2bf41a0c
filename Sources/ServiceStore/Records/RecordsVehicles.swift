import Foundation
import GRDB
import ServiceDomain

extension Vehicle: VersionedRecord {
    static let table = "vehicle"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            ownerID: try row.decode(forColumn: "owner_id"),
            vin: try row.decode(forColumn: "vin"),
            plate: try row.decode(forColumn: "plate"),
            model: try row.decode(forColumn: "model"),
            purchaseDate: try row.decode(forColumn: "purchase_date"),
            warrantyEndDate: try row.decode(forColumn: "warranty_end_date"),
            warrantyEndKm: try row.decode(forColumn: "warranty_end_km"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("owner_id", dbValue(ownerID)),
            ("vin", dbValue(vin)),
            ("plate", dbValue(plate)),
            ("model", dbValue(model)),
            ("purchase_date", dbValue(purchaseDate)),
            ("warranty_end_date", dbValue(warrantyEndDate)),
            ("warranty_end_km", dbValue(warrantyEndKm)),
        ]
    }
}

extension MileageReading: StoredRecord {
    static let table = "mileage_reading"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            vehicleID: try row.decode(forColumn: "vehicle_id"),
            km: try row.decode(forColumn: "km"),
            readAt: try row.decode(forColumn: "read_at"),
            source: try row.enumValue("source", in: Self.table),
            reason: try row.decode(forColumn: "reason"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("vehicle_id", dbValue(vehicleID)),
            ("km", dbValue(km)),
            ("read_at", dbValue(readAt)),
            ("source", dbValue(source.rawValue)),
            ("reason", dbValue(reason)),
        ]
    }
}
