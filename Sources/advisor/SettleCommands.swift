import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

private func say(_ message: Message) { print(message.text(CLILanguage.current)) }

private func stderr(_ message: Message) {
    FileHandle.standardError.write(Data((message.text(CLILanguage.current) + "\n").utf8))
}

/// Runs `body` with the database and the person at the keyboard; a store refusal becomes one clear sentence.
/// Permissions are checked by the store inside each write.
private func asOperator<T>(_ database: DatabaseOptions, _ body: (AppDatabase, Staff) throws -> T) throws -> T {
    let db = try database.open()
    defer { try? db.close() }
    let me = try OperatorIdentity.require(in: db, now: Date()) { stderr(OperatorIdentity.firstRunNotice($0)) }
    do {
        return try body(db, me)
    } catch let error as UserFacingError {
        throw CLIError(error.message)
    }
}

private func order(_ db: AppDatabase, _ number: String) throws -> RepairOrder {
    let clean = FreeText.sanitize(number).uppercased()
    guard let ro = try db.repairOrder(number: clean) else {
        throw CLIError(Message(zh: "没有工单 \(clean)（工单号形如 RO-20261122-0007）",
                               en: "No order \(clean) (RO numbers look like RO-20261122-0007)"))
    }
    return ro
}

/// `advisor settle RO-…`: settles the order and writes its statement.
struct SettleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Settle an order (its lines are then frozen) and write its settlement statement.",
        discussion: """
        Computes every line (hours × rate, quantity × unit price, half up to the fen), allocates the day's
        settlement number (JS-YYYYMMDD-NNNN) and writes the statement in the statement folder (setting
        print.statementFolder, default statements/ beside the database), in the paper settings print.width
        (80 or 48) and print.encoding (utf-8 or gb18030). Prints the file's path, then the paper.
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The order's RO number.") var number: String
    @Flag(help: "Print only the statement file's path.") var quiet = false

    func run() throws {
        try asOperator(database) { db, me in
            let ro = try order(db, number)
            let settlement = try db.settle(roID: ro.id!, operator: me.asOperator, now: Date())
            let written = try db.writeStatement(roID: ro.id!, language: CLILanguage.current)
            say(Message(zh: "工单 \(ro.number) 已结算：\(settlement.number)，客户应付 \(settlement.customerPays)（\(ChineseAmount.capitals(settlement.customerPays))）",
                        en: "Order \(ro.number) settled: \(settlement.number), the customer pays \(settlement.customerPays)"))
            say(Message(zh: "结算清单：\(written.path)", en: "Statement: \(written.path)"))
            if !quiet { print(written.text, terminator: "") }
        }
    }
}

/// `advisor statement RO-…`: writes (and prints) the statement of a settled order again.
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Write and print the settlement statement of a settled order (the current version unless --version).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The order's RO number.") var number: String
    @Option(help: "Paper width: 80 (A4 / 241 mm continuous) or 48 (80 mm receipt); default the print.width setting.")
    var width: Int?
    @Option(help: "utf-8 or gb18030; default the print.encoding setting.") var encoding: String?
    @Option(name: .customLong("version"), help: "An earlier settlement version (1, 2, …).") var versionNo: Int?

    func validate() throws {
        if let width, width != 80 && width != 48 { throw ValidationError("--width takes 80 or 48") }
        if let encoding, !["utf-8", "utf8", "gb18030"].contains(encoding.lowercased()) {
            throw ValidationError("--encoding takes utf-8 or gb18030")
        }
    }

    func run() throws {
        try asOperator(database) { db, _ in
            let ro = try order(db, number)
            let written = try db.writeStatement(roID: ro.id!, versionNo: versionNo,
                                                width: width.map { PaperText.Width(setting: String($0)) },
                                                encoding: encoding.map { PaperEncoding(setting: $0) },
                                                language: CLILanguage.current)
            say(Message(zh: "结算清单：\(written.path)", en: "Statement: \(written.path)"))
            print(written.text, terminator: "")
        }
    }
}

/// `advisor labour-catalogue import FILE.csv` / `list`.
struct LabourCatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labour-catalogue",
        abstract: "The shop's labour catalogue: operations with their standard hours (admins import it from CSV).",
        subcommands: [LabourCatalogueImportCommand.self, LabourCatalogueListCommand.self])
}

struct LabourCatalogueImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update operations from a CSV file (code,name,labour_type,standard_hours; UTF-8).",
        discussion: """
        Headers may be English (code,name,labour_type,standard_hours) or Chinese (代码,名称,工种,标准工时).
        Standard hours take up to two decimals. Every row is checked first: one bad row refuses the whole
        file, each problem named by line. Operations missing from the file are kept.
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The catalogue CSV file.") var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw CLIError(Message(zh: "无法读取 \(file)，或它不是 UTF-8 文本", en: "Cannot read \(file), or it is not UTF-8 text"))
        }
        try asOperator(database) { db, me in
            let result = try db.importLabourCatalogue(csv: text, operator: me.asOperator, now: Date())
            say(Message(zh: "工时目录已导入：新增 \(result.added)，更新 \(result.updated)，未变 \(result.unchanged)",
                        en: "Labour catalogue imported: \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged"))
        }
    }
}

struct LabourCatalogueListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the catalogue (code, name, type, hours).")
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try asOperator(database) { db, _ in
            for o in try db.labourCatalogue() {
                print([o.code, o.name, o.labourType, Hundredths.text(o.standardHundredths)].joined(separator: "\t"))
            }
        }
    }
}

/// `advisor labour-rate set TYPE YUAN`.
struct LabourRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labour-rate",
        abstract: "Hourly labour rates per labour type (admins).",
        subcommands: [LabourRateSetCommand.self])
}

struct LabourRateSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a labour type's hourly rate in yuan.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The labour type as the catalogue names it (机修, 钣金, 喷漆…).") var labourType: String
    @Argument(help: "Yuan per hour, e.g. 180 or 333.33.") var yuan: String

    func run() throws {
        try asOperator(database) { db, me in
            let rate = try YuanInput.parse(yuan)
            try db.setLabourRate(labourType: labourType, rate: rate, operator: me.asOperator, now: Date())
            say(Message(zh: "工种 \(FreeText.sanitize(labourType)) 的工时单价：\(rate)/小时",
                        en: "Hourly rate of \(FreeText.sanitize(labourType)): \(rate)"))
        }
    }
}

/// `advisor labour add RO-… CODE`: a catalogue operation on an order.
struct LabourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labour",
        abstract: "Labour lines on an order from the catalogue.",
        subcommands: [LabourAddCommand.self])
}

struct LabourAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a catalogue operation to an order: its standard hours at its labour type's rate.",
        discussion: "At check-in the line is planned work; once the car is in the workshop it waits for the customer's approval.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The order's RO number.") var number: String
    @Argument(help: "The operation's catalogue code.") var code: String

    func run() throws {
        try asOperator(database) { db, me in
            let ro = try order(db, number)
            let job = try db.addCatalogueLabour(roID: ro.id!, code: code, operator: me.asOperator, now: Date())
            say(Message(zh: "已添加：\(job.description)，\(Hundredths.text(Hundredths.fromHours(job.labourHours))) 工时，\(job.labour)",
                        en: "Added: \(job.description), \(Hundredths.text(Hundredths.fromHours(job.labourHours))) h, \(job.labour)"))
        }
    }
}
