import Foundation

/// One work line as the statement bills it: every amount computed here, never typed.
public struct SettledLine: Sendable, Equatable, Codable {
    public var jobID: RowID
    public var operationCode: String
    public var name: String
    public var status: LabourStatus
    public var technicianID: RowID?
    public var hoursHundredths: Int64
    /// Nil when the line's labour is a typed lump amount (no rate).
    public var rate: Fen?
    public var labour: Fen
    public var parts: [PartLine]
    /// The parts amount: the part lines' sum, or the line's typed lump when it has none.
    public var partsAmount: Fen
    public var basis: PaymentBasis
    public var claimNumber: String
    public var discount: Fen

    public var gross: Fen { labour + partsAmount }
    public var net: Fen { gross - discount }
}

/// The totals of a settlement, by payment basis: what the customer pays is its own figure.
public struct SettlementTotals: Sendable, Equatable, Codable {
    public var labour: Fen
    public var parts: Fen
    /// Net of line discounts, per basis (customer, warranty, insurance, goodwill).
    public var byBasis: [PaymentBasis: Fen]
    public var lineDiscounts: Fen
    public var orderDiscount: Fen
    /// Customer-paid lines after every discount: the figure in capitals.
    public var customerPays: Fen
    /// All charged lines after every discount, whoever pays.
    public var total: Fen

    public func subtotal(_ basis: PaymentBasis) -> Fen { byBasis[basis] ?? .zero }
}

public enum SettlementMath {
    /// Labour of a line: hours × the line's rate (half up) when it has one, else the amount typed on it.
    public static func labour(_ job: Job, _ charge: WorkLineCharge?) -> Fen {
        guard let rate = charge?.rate else { return job.labour }
        return MoneyRounding.amount(unit: rate, hundredths: Hundredths.fromHours(job.labourHours))
    }

    /// The order's charged lines (not declined, not awaiting an answer), in the order given.
    public static func lines(jobs: [Job], charges: [RowID: WorkLineCharge], parts: [PartLine]) -> [SettledLine] {
        jobs.filter(WorkLines.isCharged).map { job in
            let id = job.id ?? 0
            let charge = charges[id]
            let own = parts.filter { $0.jobID == id }
            return SettledLine(
                jobID: id, operationCode: charge?.operationCode ?? "", name: job.description,
                status: LabourStatus(job.status), technicianID: job.technicianID,
                hoursHundredths: Hundredths.fromHours(job.labourHours), rate: charge?.rate,
                labour: labour(job, charge), parts: own,
                partsAmount: own.isEmpty ? job.parts : own.reduce(Fen.zero) { $0 + $1.amount },
                basis: charge?.paymentBasis ?? .customer, claimNumber: charge?.claimNumber ?? "",
                discount: charge?.discount ?? .zero)
        }
    }

    /// Totals of the lines with an order discount, which only the customer's share can take.
    public static func totals(_ lines: [SettledLine], orderDiscount: Fen) throws -> SettlementTotals {
        for line in lines where line.discount < .zero || line.discount > line.gross {
            throw SettlementError(Message(
                zh: "项目“\(line.name)”的折扣 \(line.discount) 应在 ¥0.00 到 \(line.gross) 之间",
                en: "The discount \(line.discount) on \"\(line.name)\" must be between ¥0.00 and \(line.gross)"))
        }
        var byBasis: [PaymentBasis: Fen] = [:]
        for line in lines { byBasis[line.basis, default: .zero] = byBasis[line.basis, default: .zero] + line.net }
        let customerShare = byBasis[.customer] ?? .zero
        guard orderDiscount >= .zero, orderDiscount <= customerShare else {
            throw SettlementError(Message(
                zh: "整单折扣 \(orderDiscount) 应在 ¥0.00 到客户付费部分 \(customerShare) 之间",
                en: "The order discount \(orderDiscount) must be between ¥0.00 and the customer's share \(customerShare)"))
        }
        let sum = { (f: (SettledLine) -> Fen) in lines.reduce(Fen.zero) { $0 + f($1) } }
        let net = sum(\.net)
        return SettlementTotals(labour: sum(\.labour), parts: sum(\.partsAmount), byBasis: byBasis,
                                lineDiscounts: sum(\.discount), orderDiscount: orderDiscount,
                                customerPays: customerShare - orderDiscount, total: net - orderDiscount)
    }

    /// What must hold before an order is settled: an insurance line has its claim number, a goodwill
    /// line its approving manager, a repaired or used part its consent.
    public static func checkSettleable(_ lines: [SettledLine], charges: [RowID: WorkLineCharge],
                                       consentedParts: Set<RowID>) throws {
        guard !lines.isEmpty else {
            throw SettlementError(Message(zh: "工单上没有收费项目，不能结算", en: "The order has no charged lines to settle"))
        }
        for line in lines {
            if line.basis == .insurance && line.claimNumber.isEmpty {
                throw SettlementError(Message(zh: "保险项目“\(line.name)”缺少理赔单号",
                                              en: "The insurance line \"\(line.name)\" has no claim number"))
            }
            if line.basis == .goodwill && charges[line.jobID]?.goodwillApproverID == nil {
                throw SettlementError(Message(zh: "善意项目“\(line.name)”缺少批准的经理",
                                              en: "The goodwill line \"\(line.name)\" has no approving manager"))
            }
            for part in line.parts where part.kind.needsConsent && !consentedParts.contains(part.id ?? -1) {
                throw ConsentRules.missing(part)
            }
        }
    }
}

/// A repaired or used part is fitted only with the customer's consent on record.
public enum ConsentRules {
    public static func checkFitting(_ part: PartLine, hasConsent: Bool) throws {
        if part.kind.needsConsent && !hasConsent { throw missing(part) }
    }

    static func missing(_ part: PartLine) -> SettlementError {
        SettlementError(Message(
            zh: "\(part.kind.label.zh)“\(part.name)”需要先记录客户同意（谁、如何、何时）才能安装",
            en: "The \(part.kind.label.en.lowercased()) part \"\(part.name)\" needs the customer's consent on record "
                + "(who, how, when) before it is fitted"))
    }
}
