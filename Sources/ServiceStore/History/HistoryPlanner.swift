import Foundation
import GRDB
import ServiceDomain

/// What the first pass over a history file found: the counts the import will reach, the readings to mark
/// suspect (by line), and the external numbers of the lines file's orders.
struct HistoryPlan {
    var report: HistoryImportReport
    var suspectLines: Set<Int>
}

/// The first pass (one read snapshot, nothing written): every row checked on its own, against the rows
/// before it (a number twice, the cars and customers they create) and against the database (cars and
/// owners matched, numbers already imported); then each car's odometer readings, in time order with its
/// stored ones, for readings that go backwards.
enum HistoryPlanner {
    private struct Reading {
        var at: Date
        var km: Int
        /// 0 for a stored reading.
        var line: Int
    }

    static func plan(_ reader: HistoryReader, lines linesURL: URL?, encoding: ImportEncoding?, db: Database) throws -> HistoryPlan {
        var report = HistoryImportReport()
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        var matcher = HistoryMatcher()
        var readings: [String: [Reading]] = [:]
        var storedCars: [String: RowID] = [:]
        var staffNames: Set<String> = []
        let staff = try Row.fetchAll(db, sql: "SELECT login, name FROM staff")
        let knownStaff = Set(staff.flatMap { [($0["login"] as String).lowercased(), ($0["name"] as String).lowercased()] })
        problems += try reader.forEachRow { row in
            let key = row.externalNumber.lowercased()
            if let first = seen[key] {
                problems.append(ImportProblem(line: row.line, column: "ro_number", reason: Message(
                    zh: "工单号与第 \(first) 行重复", en: "The same order number as line \(first)"), value: row.externalNumber))
                return
            }
            seen[key] = row.line
            if try RowID.fetchOne(db, cachedSQL: "SELECT repair_order_id FROM repair_order_external WHERE external_number = ?",
                                  row.externalNumber) != nil {
                report.ordersAlreadyImported += 1
                return
            }
            let car: HistoryCar
            do {
                car = try matcher.match(row, db)
            } catch let refusal as CustomerCSVReader.RowRefusalError {
                problems.append(ImportProblem(line: row.line, column: refusal.column, reason: refusal.reason))
                return
            }
            let carKey: String
            switch car {
            case .stored(let vehicleID, _):
                carKey = "v\(vehicleID)"
                storedCars[carKey] = vehicleID
            case .new(let plate, let owner):
                carKey = "p" + plate
                if matcher.newPlates[plate] == nil {
                    if row.model.isEmpty {
                        problems.append(ImportProblem(line: row.line, column: "model", reason: Message(
                            zh: "这辆车不在系统中，新建车辆需要车型", en: "This car is not on file; a new car needs its model")))
                        return
                    }
                    matcher.newPlates[plate] = row.line
                    if let vin = row.vin { matcher.newVINs[vin] = plate }
                    report.vehiclesCreated += 1
                }
                if case .new(let phone) = owner, !matcher.newPhones.contains(phone) {
                    if row.customerName == nil {
                        problems.append(ImportProblem(line: row.line, column: "customer_name", reason: Message(
                            zh: "车主不在系统中，新建客户需要姓名", en: "The owner is not on file; a new customer needs a name")))
                        return
                    }
                    matcher.newPhones.insert(phone)
                    report.customersCreated += 1
                }
            }
            for name in [row.advisor, row.technician] where !name.isEmpty && !knownStaff.contains(name.lowercased()) {
                staffNames.insert(name.lowercased())
            }
            readings[carKey, default: []].append(Reading(at: row.openedAt, km: row.mileage, line: row.line))
            report.ordersCreated += 1
            if row.stage.isOpen { report.openOrders += 1 }
        }
        report.rows = seen.count
        report.staffCreated = staffNames.count
        if let linesURL {
            problems += try HistoryLinesReader(url: linesURL, encoding: encoding).forEachLine { line in
                if seen[line.externalNumber.lowercased()] == nil {
                    problems.append(ImportProblem(line: line.line, column: "ro_number", reason: Message(
                        zh: "工单号不在工单文件中", en: "This order number is not in the orders file"), value: line.externalNumber))
                }
            }
        }
        // By line, each line's problems in column order as found (a stable sort).
        if !problems.isEmpty {
            throw ImportError(problems: problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
                .map(\.element))
        }

        var suspect: Set<Int> = []
        for (key, var list) in readings {
            if let vehicleID = storedCars[key] {
                list += try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT read_at, km FROM mileage_reading WHERE vehicle_id = ? AND is_suspect = 0
                    """), arguments: [vehicleID]).map { Reading(at: $0["read_at"], km: $0["km"], line: 0) }
            }
            list.sort { ($0.at, $0.line) < ($1.at, $1.line) }
            let kept = MileageHistory.longestRising(list.map(\.km))
            for (index, reading) in list.enumerated() where !kept.contains(index) && reading.line > 0 {
                suspect.insert(reading.line)
                let around = [index > 0 ? list[index - 1].km : nil, index + 1 < list.count ? list[index + 1].km : nil]
                    .compactMap { $0.map(String.init) }.joined(separator: " / ")
                report.warnings.append(ImportProblem(line: reading.line, column: "mileage_km", reason: Message(
                    zh: "里程 \(reading.km) 公里与这辆车前后的记录（\(around) 公里）不符；已导入并标记为可疑，不计入保养预测",
                    en: "Mileage \(reading.km) km is out of line with the car's readings around it (\(around) km); imported, "
                        + "marked suspect, left out of the maintenance forecast"), value: String(reading.km)))
            }
        }
        report.warnings = report.warnings.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        report.suspectReadings = suspect.count
        return HistoryPlan(report: report, suspectLines: suspect)
    }
}
