import Foundation
import GRDB
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The columns of the customer/vehicle exchange file, in order.
enum CustomerCSV {
    static let header = [
        "name", "phones", "out_of_warranty", "used_car", "plate", "vin", "model", "purchase_date",
        "warranty_end_date", "warranty_end_km", "notes", "customer_since", "customer_type",
    ]
    static let phoneSeparator = ";"
}

extension AppDatabase {
    /// The export a person asks for: needs the manager role (personal data), and leaves an audit row
    /// saying who exported how many customers to which file (no personal data in the row itself).
    public func exportCustomersAndVehicles(to url: URL, operator op: Operator, now: Date) throws {
        try authorize(.exportPersonalData, op)
        try exportCustomersAndVehicles(to: url)
        try dbPool.write { db in
            let customers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0
            try Audit.append(db, operator: op, at: now, action: "export", entity: "customer", entityID: nil,
                             detail: ["file": .string(url.lastPathComponent), "customers": .int(Int64(customers))])
        }
    }

    /// Writes every customer with their vehicles: UTF-8 with a BOM (so spreadsheets detect the encoding),
    /// one row per vehicle, one row for a customer without a vehicle. Dates are calendar dates, `yyyy-MM-dd`. The file is created owner-only (0600): it holds personal data.
    public func exportCustomersAndVehicles(to url: URL) throws {
        var text = CSVFormat.line(CustomerCSV.header)
        try dbPool.read { db in
            let customers = try Row.fetchAll(db, sql: "SELECT * FROM customer ORDER BY id").map(Customer.init(row:))
            var phones: [RowID: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT customer_id, phone FROM customer_phone ORDER BY customer_id, position") {
                phones[row["customer_id"], default: []].append(row["phone"])
            }
            let vehicles = Dictionary(grouping: try Persistence.fetchAll(Vehicle.self, db, where: "1 ORDER BY id"),
                                      by: \.ownerID)
            for customer in customers {
                let id = customer.id!
                let customerCells = [
                    customer.name,
                    (phones[id] ?? []).joined(separator: CustomerCSV.phoneSeparator),
                    customer.isOutOfWarrantyOwner ? "1" : "0",
                    customer.isUsedCarOwner ? "1" : "0",
                ]
                let own = vehicles[id] ?? []
                let customerTail = [customer.customerSince?.text ?? "", customer.kind?.rawValue ?? ""]
                if own.isEmpty {
                    text += CSVFormat.line(customerCells + ["", "", "", "", "", "", customer.notes] + customerTail)
                }
                for v in own {
                    text += CSVFormat.line(customerCells + [
                        v.plate, v.vin ?? "", v.model,
                        v.purchaseDate?.text ?? "",
                        v.warrantyEndDate?.text ?? "",
                        v.warrantyEndKm.map(String.init) ?? "",
                        customer.notes,
                    ] + customerTail)
                }
            }
        }
        try PrivateFile.write(Data(CSVFormat.byteOrderMark) + Data(text.utf8), to: url)
    }
}

/// Files with personal data: created 0600 next to the target, then renamed over it, so a reader never
/// sees half a file and the data is never world-readable, not even for a moment.
enum PrivateFile {
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent().path
        let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.cannotWriteFile(path: url.path, detail: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, url.path) == 0 else {
                throw StoreError.cannotWriteFile(path: url.path, detail: String(cString: strerror(errno)))
            }
        } catch let error as StoreError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw StoreError.cannotWriteFile(path: url.path, detail: (error as NSError).localizedDescription)
        }
    }
}
