import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The printed settlement statement at 80 and 48 columns, in Chinese and English, as UTF-8 and as GB18030
/// (encoded, decoded and compared with the same snapshot). `RECORD_SNAPSHOTS=1` writes them anew.
@Suite struct StatementSnapshotTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let opened = Date(timeIntervalSince1970: 1_795_050_000)  // 2026-11-19 09:00 Shanghai

    static var input: SettlementStatement.Input {
        let jobs = [
            Job(id: 1, repairOrderID: 7, description: "更换前刹车片", technicianID: 3, status: .done, labour: .yuan(999), labourHours: 1.5),
            Job(id: 2, repairOrderID: 7, description: "二级维护（机油、机滤）", status: .done, labour: .yuan(280), parts: .yuan(320)),
            Job(id: 3, repairOrderID: 7, description: "发电机更换", status: .approved, isAdditional: true, labour: .yuan(150),
                labourHours: 1, approvalMethod: .phone),
            Job(id: 4, repairOrderID: 7, description: "前风挡玻璃修补", status: .done, labour: .yuan(200)),
        ]
        let charges: [RowID: WorkLineCharge] = [
            1: WorkLineCharge(jobID: 1, operationCode: "BRK01", labourType: "机修", rate: Fen(33_333), discount: .yuan(20)),
            3: WorkLineCharge(jobID: 3, operationCode: "ELE07", labourType: "电器", rate: .yuan(150), paymentBasis: .warranty),
            4: WorkLineCharge(jobID: 4, paymentBasis: .insurance, claimNumber: "PICC-2026-0042"),
        ]
        let parts = [
            PartLine(id: 11, jobID: 1, number: "04465-02220", name: "前刹车片", quantityHundredths: 100, unitPrice: .yuan(486),
                     kind: .original, oldPart: .customerTakes),
            PartLine(id: 12, jobID: 1, number: "08823-80010", name: "制动液 DOT4", quantityHundredths: 50, unitPrice: Fen(8_001),
                     kind: .aftermarket),
            PartLine(id: 13, jobID: 3, number: "27060-0K010", name: "发电机总成（修复件）", quantityHundredths: 100,
                     unitPrice: .yuan(1_280), kind: .repaired, oldPart: .returnToMaker),
        ]
        let lines = SettlementMath.lines(jobs: jobs, charges: charges, parts: parts)
        let totals = try! SettlementMath.totals(lines, orderDiscount: .yuan(30))
        let settlement = Settlement(id: 1, repairOrderID: 7, number: "JS-20261119-0003", versionNo: 2, isCurrent: true,
                                    lines: lines, orderDiscount: .yuan(30), customerPays: totals.customerPays, total: totals.total,
                                    reason: "保险定损后更正", settledByID: 2, settledAt: opened.addingTimeInterval(6 * 3600))
        let order = RepairOrder(id: 7, number: "RO-20261119-0012", customerID: 1, vehicleID: 1, advisorID: 2,
                                serviceType: .repair, repairClass: .level2Maintenance, stage: .readyForPickup, openedAt: opened,
                                promisedAt: opened.addingTimeInterval(8 * 3600), mileageIn: 48_210, contactPhone: "13812345678")
        return SettlementStatement.Input(
            shop: .init(name: "广州骏达汽车销售服务有限公司", address: "广州市天河区黄埔大道西 88 号", hotline: "020-8888 6666"),
            order: order, settlement: settlement, customerName: "王芳", customerPhone: "13812345678", plate: "粤A12345",
            vin: "LVGBE40K8GP123456", model: "凯美瑞 2.0G", advisorName: "李娜", advisorPhone: "020-8888 6601",
            declined: [Job(id: 5, repairOrderID: 7, description: "更换后雨刮片", status: .declined)],
            warranty: ComebackSettings().window(for: .level2Maintenance))
    }

    private func check(_ width: PaperText.Width, _ language: Language, _ name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try SettlementStatement.text(Self.input, width: width, language: language, timeZone: Self.zone)
        for line in text.split(separator: "\n") where !line.contains("¥") {
            #expect(PaperText.width(String(line)) <= width.rawValue, "too wide: \(line)", sourceLocation: sourceLocation)
        }
        let gb = try PaperEncoding.gb18030.encode(text)
        #expect(gb != Data(text.utf8), sourceLocation: sourceLocation)
        #expect(PaperEncoding.gb18030.decode(gb) == text, sourceLocation: sourceLocation)
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOf: file, encoding: .utf8), "missing snapshot \(file.path)",
                                    sourceLocation: sourceLocation)
        #expect(text == expected, sourceLocation: sourceLocation)
        #expect(PaperEncoding.gb18030.decode(gb) == expected, sourceLocation: sourceLocation)
    }

    @Test func statementA4Chinese() throws { try check(.a4, .zhHans, "statement-80-zh") }
    @Test func statementReceiptChinese() throws { try check(.receipt, .zhHans, "statement-48-zh") }
    @Test func statementA4English() throws { try check(.a4, .en, "statement-80-en") }
    @Test func statementReceiptEnglish() throws { try check(.receipt, .en, "statement-48-en") }

    @Test func theFiguresOnThePaperAreTheDomainsTotals() throws {
        let input = Self.input
        let totals = try input.settlement.totals()
        // Labour 500.00 (333.33 × 1.5) + 280 + 150 + 200; parts 486 + 40.01 + 320 + 1,280.
        #expect(totals.labour == Fen(113_000) && totals.parts == Fen(212_601))
        #expect(totals.subtotal(.customer) == Fen(50_000 + 48_600 + 4_001 - 2_000 + 60_000))
        #expect(totals.customerPays == Fen(160_601 - 3_000))
        let text = try SettlementStatement.text(input, width: .a4, language: .zhHans, timeZone: Self.zone)
        #expect(text.contains(ChineseAmount.capitals(totals.customerPays)))
        #expect(text.components(separatedBy: "第一联").count == 2 && text.components(separatedBy: "第二联").count == 2)
        #expect(!text.contains("13812345678") && text.contains("138****5678"))
    }
}
