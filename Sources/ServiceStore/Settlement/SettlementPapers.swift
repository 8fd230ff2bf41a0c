import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import ServiceDomain

/// The settings of the printed papers.
public enum PrintSettingKey {
    public static let shopName = "shop.name"
    public static let shopAddress = "shop.address"
    public static let shopHotline = "shop.hotline"
    /// `80` (A4 / 241 mm continuous, the default) or `48` (80 mm receipt).
    public static let width = "print.width"
    /// `utf-8` (the default) or `gb18030` (Chinese dot-matrix and receipt printers).
    public static let encoding = "print.encoding"
    /// Folder for settlement statements; default `statements` beside the database.
    public static let statementFolder = "print.statementFolder"
    /// An advisor's desk phone for the papers: `settle.advisorPhone.LOGIN`.
    public static func advisorPhone(_ login: String) -> String { "settle.advisorPhone.\(login)" }
}

/// How the paper's text becomes bytes for the printer.
public enum PaperEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    public init(setting: String?) {
        self = setting?.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
            .hasPrefix("gb") == true ? .gb18030 : .utf8
    }

    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .gb18030:
            guard let data = Iconv.convert(Data(text.utf8), from: "UTF-8", to: "GB18030") else {
                throw SettlementError(Message(zh: "无法按 GB18030 编码此文本", en: "The text cannot be encoded as GB18030"))
            }
            return data
        }
    }

    public func decode(_ data: Data) -> String? {
        switch self {
        case .utf8: return String(data: data, encoding: .utf8)
        case .gb18030: return Iconv.convert(data, from: "GB18030", to: "UTF-8").flatMap { String(data: $0, encoding: .utf8) }
        }
    }
}

/// The C library's converter: Foundation on Linux has no GB18030, glibc's iconv does (every Unicode
/// character maps, so nothing is lost).
enum Iconv {
    static func convert(_ input: Data, from: String, to: String) -> Data? {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var source = [CChar](repeating: 0, count: input.count + 1)
        input.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() { source[i] = CChar(bitPattern: b) }
        }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress
                var inLeft = input.count
                var outPtr: UnsafeMutablePointer<CChar>? = dst.baseAddress
                var outLeft = dst.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
                return dst.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Data(output.prefix(produced).map { UInt8(bitPattern: $0) })
    }
}

extension AppDatabase {
    /// Everything the statement of the order's current settlement (or of `versionNo`) prints.
    public func statementInput(roID: RowID, versionNo: Int? = nil) throws -> SettlementStatement.Input {
        let warranty = try comebackSettings()
        return try dbPool.read { db in
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            let row = versionNo == nil
                ? try Row.fetchOne(db, sql: "SELECT * FROM settlement WHERE repair_order_id = ? AND is_current = 1", arguments: [roID])
                : try Row.fetchOne(db, sql: "SELECT * FROM settlement WHERE repair_order_id = ? AND version_no = ?",
                                   arguments: [roID, versionNo])
            guard let settlement = try row.map(SettlementRows.settlement) else {
                throw SettlementError(Message(zh: "工单 \(order.number) 还没有结算", en: "Order \(order.number) is not settled yet"))
            }
            func setting(_ key: String) throws -> String {
                try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) ?? ""
            }
            let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID)
            let customer = try CustomerPhones.customer(db, id: order.customerID)
            let advisor = try order.advisorID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
            let declined = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? AND status = 'declined' ORDER BY id",
                                                    arguments: [roID])
            return SettlementStatement.Input(
                shop: .init(name: try setting(PrintSettingKey.shopName), address: try setting(PrintSettingKey.shopAddress),
                            hotline: try setting(PrintSettingKey.shopHotline)),
                order: order, settlement: settlement, customerName: customer?.name ?? "",
                customerPhone: order.contactPhone.isEmpty ? (customer?.primaryPhone ?? "") : order.contactPhone,
                plate: vehicle?.plate ?? "", vin: vehicle?.vin ?? "", model: vehicle?.model ?? "",
                advisorName: advisor?.name ?? "",
                advisorPhone: try advisor.map { try setting(PrintSettingKey.advisorPhone($0.login)) } ?? "",
                declined: declined, warranty: warranty.window(for: order.repairClass))
        }
    }

    /// The paper settings: width and encoding.
    public func paperSettings() throws -> (width: PaperText.Width, encoding: PaperEncoding) {
        (PaperText.Width(setting: try setting(key: PrintSettingKey.width)),
         PaperEncoding(setting: try setting(key: PrintSettingKey.encoding)))
    }

    /// Where statements are written: the shop's setting, else `statements/` beside the database.
    public func statementFolder() throws -> String {
        if let folder = try setting(key: PrintSettingKey.statementFolder), !folder.isEmpty { return folder }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("statements").path
    }

    /// Writes the statement file (`JS-…-v1.txt`) in the statement folder, in the paper settings' width and
    /// encoding unless given; returns its path and text. The file is always kept (printing reads it).
    public func writeStatement(roID: RowID, versionNo: Int? = nil, width: PaperText.Width? = nil,
                               encoding: PaperEncoding? = nil, language: Language = .zhHans) throws -> (path: String, text: String) {
        let input = try statementInput(roID: roID, versionNo: versionNo)
        let paper = try paperSettings()
        let text = try SettlementStatement.text(input, width: width ?? paper.width, language: language, timeZone: timeZone)
        let folder = try statementFolder()
        let name = "\(input.settlement.number)-v\(input.settlement.versionNo).txt"
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try (encoding ?? paper.encoding).encode(text).write(to: url, options: .atomic)
        } catch let error as UserFacingError {
            throw error
        } catch {
            throw StoreError.cannotWriteFile(path: url.path, detail: (error as NSError).localizedDescription)
        }
        return (url.path, text)
    }
}
