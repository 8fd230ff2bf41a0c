import Foundation
import Testing
@testable import ServiceDomain

/// Amounts in Chinese capitals, the one rounding rule, line and order totals, discount limits, consent.
@Suite struct SettlementRulesTests {
    @Test(arguments: [
        (Int64(0), "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (55, "伍角伍分"),
        (1_000, "壹拾元整"),
        (1_500, "壹拾伍元整"),
        (2_000, "贰拾元整"),
        (10_005, "壹佰元零伍分"),
        (10_100, "壹佰零壹元整"),
        (11_000, "壹佰壹拾元整"),
        (32_504, "叁佰贰拾伍元零肆分"),
        (100_100, "壹仟零壹元整"),
        (101_000, "壹仟零壹拾元整"),
        (123_450, "壹仟贰佰叁拾肆元伍角"),
        (140_950, "壹仟肆佰零玖元伍角"),
        (168_032, "壹仟陆佰捌拾元叁角贰分"),
        (600_714, "陆仟零柒元壹角肆分"),
        (1_001_010, "壹万零壹拾元壹角"),
        (10_700_053, "壹拾万柒仟元伍角叁分"),
        (10_010_000, "壹拾万零壹佰元整"),
        (100_000_000, "壹佰万元整"),
        (1_000_000_010, "壹仟万元壹角"),
        (10_000_000_000, "壹亿元整"),
        (10_000_000_100, "壹亿零壹元整"),
        (10_001_000_000, "壹亿零壹万元整"),
        (-1_230, "负壹拾贰元叁角"),
    ])
    func capitals(fen: Int64, expected: String) {
        #expect(ChineseAmount.capitals(Fen(fen)) == expected)
    }

    @Test func capitalsNeverWriteABareTenOrADoubleZero() {
        for fen in stride(from: Int64(0), through: 2_000_000, by: 997) {
            let text = ChineseAmount.capitals(Fen(fen))
            #expect(!text.contains("零零"), "\(fen): \(text)")
            #expect(!text.hasPrefix("拾"), "\(fen): \(text)")
            #expect(text.hasSuffix("整") == (fen % 100 == 0), "\(fen): \(text)")
        }
    }

    @Test func roundingIsToTheFenHalfUp() {
        #expect(MoneyRounding.halfUp(5, over: 10) == Fen(1))
        #expect(MoneyRounding.halfUp(4, over: 10) == Fen(0))
        #expect(MoneyRounding.halfUp(15, over: 10) == Fen(2))
        #expect(MoneyRounding.halfUp(-5, over: 10) == Fen(-1))
        #expect(MoneyRounding.halfUp(-4, over: 10) == Fen(0))
        // ¥3.33 × 1.5 = ¥4.995 → ¥5.00; ¥3.33 × 1.49 = ¥4.9617 → ¥4.96.
        #expect(MoneyRounding.amount(unit: Fen(333), hundredths: 150) == Fen(500))
        #expect(MoneyRounding.amount(unit: Fen(333), hundredths: 149) == Fen(496))
        #expect(MoneyRounding.share(of: Fen(1_010), basisPoints: 500) == Fen(51))  // 50.5 → 51
    }

    @Test func hundredthsParseTwoDecimalsAtMost() {
        #expect(Hundredths.parse("1.5") == 150)
        #expect(Hundredths.parse("２") == 200)
        #expect(Hundredths.parse("0.25") == 25)
        #expect(Hundredths.parse("1.255") == nil)
        #expect(Hundredths.parse("-1") == nil)
        #expect(Hundredths.parse("1.") == nil)
        #expect(Hundredths.parse("") == nil)
        #expect(Hundredths.text(150) == "1.50")
        #expect(Hundredths.fromHours(1.5) == 150)
    }

    private func job(_ id: RowID, labour: Fen = .zero, parts: Fen = .zero, hours: Double = 0,
                     status: JobStatus = .done) -> Job {
        Job(id: id, repairOrderID: 1, description: "line \(id)", status: status, labour: labour, parts: parts,
            labourHours: hours)
    }

    @Test func labourIsHoursTimesRateAndPartsAreTheirLines() throws {
        let jobs = [job(1, labour: .yuan(999), hours: 1.5), job(2, parts: .yuan(50)), job(3, labour: .yuan(80), status: .declined)]
        let charges = [RowID(1): WorkLineCharge(jobID: 1, operationCode: "BRK01", rate: Fen(33_333))]
        let parts = [PartLine(id: 7, jobID: 1, number: "P1", name: "刹车片", quantityHundredths: 200, unitPrice: .yuan(150)),
                     PartLine(id: 8, jobID: 1, number: "P2", name: "制动液", quantityHundredths: 50, unitPrice: Fen(8_001))]
        let lines = SettlementMath.lines(jobs: jobs, charges: charges, parts: parts)
        #expect(lines.map(\.jobID) == [1, 2])  // declined work is not billed
        #expect(lines[0].labour == Fen(50_000))  // 333.33 × 1.5 = 499.995 → 500.00
        #expect(lines[0].partsAmount == Fen(30_000 + 4_001))  // 80.01 × 0.5 = 40.005 → 40.01
        #expect(lines[1].partsAmount == .yuan(50))  // no part lines: the typed lump
        let totals = try SettlementMath.totals(lines, orderDiscount: .zero)
        #expect(totals.total == Fen(50_000 + 34_001 + 5_000))
        #expect(totals.customerPays == totals.total)
    }

    @Test func totalsSeparateWhatTheCustomerPays() throws {
        let jobs = [job(1, labour: .yuan(300)), job(2, labour: .yuan(200), parts: .yuan(100)), job(3, labour: .yuan(50))]
        let charges: [RowID: WorkLineCharge] = [
            1: WorkLineCharge(jobID: 1, discount: .yuan(30)),
            2: WorkLineCharge(jobID: 2, paymentBasis: .warranty),
            3: WorkLineCharge(jobID: 3, paymentBasis: .insurance, claimNumber: "PICC-1"),
        ]
        let lines = SettlementMath.lines(jobs: jobs, charges: charges, parts: [])
        let totals = try SettlementMath.totals(lines, orderDiscount: .yuan(20))
        #expect(totals.subtotal(.customer) == .yuan(270))
        #expect(totals.subtotal(.warranty) == .yuan(300))
        #expect(totals.subtotal(.insurance) == .yuan(50))
        #expect(totals.lineDiscounts == .yuan(30) && totals.orderDiscount == .yuan(20))
        #expect(totals.customerPays == .yuan(250))
        #expect(totals.total == .yuan(600))
        #expect(throws: SettlementError.self) { try SettlementMath.totals(lines, orderDiscount: .yuan(271)) }
    }

    @Test func settlingNeedsClaimNumbersGoodwillApproversAndConsent() throws {
        let jobs = [job(1, labour: .yuan(100))]
        let insurance = [RowID(1): WorkLineCharge(jobID: 1, paymentBasis: .insurance)]
        #expect(throws: SettlementError.self) {
            try SettlementMath.checkSettleable(SettlementMath.lines(jobs: jobs, charges: insurance, parts: []),
                                               charges: insurance, consentedParts: [])
        }
        let goodwill = [RowID(1): WorkLineCharge(jobID: 1, paymentBasis: .goodwill)]
        #expect(throws: SettlementError.self) {
            try SettlementMath.checkSettleable(SettlementMath.lines(jobs: jobs, charges: goodwill, parts: []),
                                               charges: goodwill, consentedParts: [])
        }
        let used = [PartLine(id: 9, jobID: 1, number: "U1", name: "发电机", quantityHundredths: 100, unitPrice: .yuan(400), kind: .used)]
        let lines = SettlementMath.lines(jobs: jobs, charges: [:], parts: used)
        #expect(throws: SettlementError.self) { try SettlementMath.checkSettleable(lines, charges: [:], consentedParts: []) }
        try SettlementMath.checkSettleable(lines, charges: [:], consentedParts: [9])
        #expect(throws: SettlementError.self) { try ConsentRules.checkFitting(used[0], hasConsent: false) }
        try ConsentRules.checkFitting(used[0], hasConsent: true)
        try ConsentRules.checkFitting(PartLine(jobID: 1, number: "O", name: "o", quantityHundredths: 100,
                                               unitPrice: .zero, kind: .original), hasConsent: false)
        #expect(throws: SettlementError.self) { try SettlementMath.checkSettleable([], charges: [:], consentedParts: []) }
    }

    @Test func discountsBeyondTheRoleLimitNeedAManager() throws {
        let limits = DiscountLimits.standard
        // An advisor may give 5% of ¥1,000 = ¥50.
        #expect(try DiscountRules.check(discount: .yuan(50), on: .yuan(1_000), roles: [.advisor], limits: limits,
                                        approver: nil) == .withinLimit)
        #expect(throws: SettlementError.self) {
            try DiscountRules.check(discount: Fen(5_001), on: .yuan(1_000), roles: [.advisor], limits: limits, approver: nil)
        }
        #expect(try DiscountRules.check(discount: .yuan(200), on: .yuan(1_000), roles: [.advisor], limits: limits,
                                        approver: (id: 4, roles: [.manager])) == .approved(by: 4))
        #expect(throws: SettlementError.self) {
            try DiscountRules.check(discount: .yuan(201), on: .yuan(1_000), roles: [.advisor], limits: limits,
                                    approver: (id: 4, roles: [.manager]))
        }
        #expect(throws: SettlementError.self) {  // another advisor cannot approve
            try DiscountRules.check(discount: .yuan(60), on: .yuan(1_000), roles: [.advisor], limits: limits,
                                    approver: (id: 5, roles: [.advisor]))
        }
        #expect(throws: SettlementError.self) {  // reception gives none
            try DiscountRules.check(discount: Fen(1), on: .yuan(1_000), roles: [.reception], limits: limits, approver: nil)
        }
        #expect(throws: SettlementError.self) {
            try DiscountRules.check(discount: .yuan(2), on: .yuan(1), roles: [.admin], limits: limits, approver: nil)
        }
        try DiscountRules.checkGoodwillApprover(roles: [.manager])
        #expect(throws: SettlementError.self) { try DiscountRules.checkGoodwillApprover(roles: [.workshopLead]) }
    }

    @Test func settlementNumbersRunPerShopDay() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let lateUTC = Date(timeIntervalSince1970: 1_795_019_400)  // 2026-11-18 16:30 UTC, already the 19th in Shanghai
        #expect(SettlementNumber.make(at: lateUTC, sequence: 7, timeZone: zone) == "JS-20261119-0007")
        #expect(SettlementNumber.make(at: lateUTC, sequence: 12_345, timeZone: zone) == "JS-20261119-12345")
    }
}
