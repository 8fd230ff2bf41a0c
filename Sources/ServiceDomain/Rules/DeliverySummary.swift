import Foundation

/// The plain-text sheet handed to the customer (or saved) at delivery: work done, amounts, next service.
public enum DeliverySummary {
    public struct Input: Sendable, Equatable {
        public var shopName: String
        public var order: RepairOrder
        public var plate: String
        public var model: String
        public var customerName: String
        public var advisorName: String
        public var jobs: [Job]
        public var qc: QualityCheck?
        public var deliveredAt: Date
        public var callbackDueAt: Date?

        public init(shopName: String, order: RepairOrder, plate: String, model: String, customerName: String,
                    advisorName: String, jobs: [Job], qc: QualityCheck?, deliveredAt: Date, callbackDueAt: Date?) {
            self.shopName = shopName
            self.order = order
            self.plate = plate
            self.model = model
            self.customerName = customerName
            self.advisorName = advisorName
            self.jobs = jobs
            self.qc = qc
            self.deliveredAt = deliveredAt
            self.callbackDueAt = callbackDueAt
        }
    }

    /// The usual maintenance interval: six months or 5,000 km, whichever comes first.
    public static let nextServiceMonths = 6
    public static let nextServiceKm = 5_000

    public static func nextService(after date: Date, mileage: Int, timeZone: TimeZone) -> (date: Date, km: Int) {
        let next = ShopCalendar.calendar(timeZone).date(byAdding: .month, value: nextServiceMonths, to: date) ?? date
        return (next, mileage + nextServiceKm)
    }

    /// Both languages on one sheet, so whoever reads it can.
    public static func text(_ input: Input, timeZone: TimeZone) -> String {
        let o = input.order
        let clean = FreeText.sanitize
        var lines: [String] = []
        lines.append("\(clean(input.shopName)) 交车单 / Delivery summary")
        lines.append(String(repeating: "=", count: 48))
        lines.append("工单 RO: \(o.number)")
        lines.append("车辆 Vehicle: \(Plate.display(input.plate)) \(clean(input.model))")
        lines.append("客户 Customer: \(clean(input.customerName))")
        lines.append("顾问 Advisor: \(clean(input.advisorName))")
        lines.append("接车 Checked in: \(stamp(o.openedAt, timeZone)), \(DigitGrouping.grouped(o.mileageIn)) km")
        lines.append("交车 Delivered: \(stamp(input.deliveredAt, timeZone))")
        lines.append("")
        lines.append("维修项目 Work done:")
        for job in input.jobs where WorkLines.isCharged(job) {
            var line = "  - \(clean(job.description))  工时 labour \(job.labour)  材料 parts \(job.parts)"
            if job.isAdditional, let method = job.approvalMethod {
                line += "  (增项，\(method.label.zh)同意 added, approved \(method.label.en.lowercased()))"
            }
            lines.append(line)
        }
        let declined = input.jobs.filter { $0.status == .declined }
        if !declined.isEmpty {
            lines.append("建议项目（客户暂未做）Recommended, not done:")
            for job in declined { lines.append("  - \(clean(job.description))") }
        }
        lines.append("")
        let labour = o.finalLabour ?? .zero
        let parts = o.finalParts ?? .zero
        lines.append("工时费 Labour: \(labour)")
        lines.append("材料费 Parts:  \(parts)")
        lines.append("合计 Total:    \(labour + parts)   (预估 estimate \(o.estimateTotal))")
        if labour + parts == .zero && WorkLines.isFreeOfCharge(input.jobs) {
            lines.append("免费：所有项目均不收费 Free of charge: no line is charged")
        }
        if let qc = input.qc {
            lines.append("质检 QC: \(qc.passed ? "合格 passed" : "不合格 failed"), 质检员 inspector \(clean(qc.inspectorName)), "
                         + stamp(qc.at, timeZone))
        }
        let next = nextService(after: input.deliveredAt, mileage: o.mileageIn, timeZone: timeZone)
        lines.append("下次保养 Next service: \(day(next.date, timeZone)) 或 or \(DigitGrouping.grouped(next.km)) km")
        if let due = input.callbackDueAt {
            lines.append("回访 Follow-up call: \(stamp(due, timeZone))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func stamp(_ date: Date, _ zone: TimeZone) -> String { ShopTime.dateTime(date, zone) }

    static func day(_ date: Date, _ zone: TimeZone) -> String { ShopTime.date(date, zone) }
}
