import Foundation

/// The settlement statement (结算清单) the customer signs at delivery, as plain text for the printer:
/// laid out by display width at 80 columns (A4, 241 mm continuous) or 48 (80 mm receipt), printed twice
/// (第一联 for the customer, 第二联 for the shop) with a form feed between.
public enum SettlementStatement {
    public struct Shop: Sendable, Equatable {
        public var name: String
        public var address: String
        public var hotline: String
        public init(name: String, address: String, hotline: String) {
            self.name = name
            self.address = address
            self.hotline = hotline
        }
    }

    public struct Input: Sendable, Equatable {
        public var shop: Shop
        public var order: RepairOrder
        public var settlement: Settlement
        public var customerName: String
        /// Normalized; printed masked (the paper leaves the desk).
        public var customerPhone: String
        public var plate: String
        public var vin: String
        public var model: String
        public var advisorName: String
        public var advisorPhone: String
        /// Declined recommended work, listed unpriced so the customer sees what was advised.
        public var declined: [Job]
        public var warranty: WarrantyWindow

        public init(shop: Shop, order: RepairOrder, settlement: Settlement, customerName: String, customerPhone: String,
                    plate: String, vin: String, model: String, advisorName: String, advisorPhone: String,
                    declined: [Job], warranty: WarrantyWindow) {
            self.shop = shop
            self.order = order
            self.settlement = settlement
            self.customerName = customerName
            self.customerPhone = customerPhone
            self.plate = plate
            self.vin = vin
            self.model = model
            self.advisorName = advisorName
            self.advisorPhone = advisorPhone
            self.declined = declined
            self.warranty = warranty
        }
    }

    /// Both copies, the customer's first.
    public static func text(_ input: Input, width: PaperText.Width, language: Language, timeZone: TimeZone) throws -> String {
        let one = try copy(input, width: width, language: language, timeZone: timeZone, copy: SettlementStrings.copyOne)
        let two = try copy(input, width: width, language: language, timeZone: timeZone, copy: SettlementStrings.copyTwo)
        return one + "\u{0C}\n" + two
    }

    /// One copy, ending with its 联 line.
    public static func copy(_ input: Input, width: PaperText.Width, language: Language, timeZone: TimeZone,
                            copy: Message) throws -> String {
        let w = width.rawValue
        let s = input.settlement
        let o = input.order
        let clean = { (t: String) in FreeText.sanitize(t) }
        func t(_ m: Message) -> String { m.text(language) }
        let colon = language == .zhHans ? "：" : ": "
        let totals = try s.totals()
        var lines: [String] = []
        let rule = String(repeating: "=", count: w)
        let thin = String(repeating: "-", count: w)

        lines.append(PaperText.center(clean(input.shop.name), w))
        lines.append(PaperText.center(t(SettlementStrings.title), w))
        lines += PaperText.pairs([(t(SettlementStrings.address), clean(input.shop.address)),
                                  (t(SettlementStrings.hotline), clean(input.shop.hotline))], w, separator: colon)
        lines.append(rule)
        var header: [(String, String)] = [
            (t(SettlementStrings.roNumber), o.number),
            (t(SettlementStrings.settlementNumber), s.number + " " + t(SettlementStrings.version(s.versionNo))),
            (t(SettlementStrings.customer), clean(input.customerName)),
            (t(SettlementStrings.phone), input.customerPhone.isEmpty ? "-" : PhoneNumber.masked(input.customerPhone)),
            (t(SettlementStrings.plate), Plate.display(input.plate)),
            (t(SettlementStrings.model), clean(input.model)),
            (t(SettlementStrings.vin), input.vin.isEmpty ? "-" : input.vin),
            (t(SettlementStrings.mileageIn), DigitGrouping.grouped(o.mileageIn) + " km"),
            (t(SettlementStrings.advisor), clean(input.advisorName)),
            (t(SettlementStrings.phone), input.advisorPhone.isEmpty ? "-" : clean(input.advisorPhone)),
            (t(SettlementStrings.checkedIn), DeliverySummary.stamp(o.openedAt, timeZone)),
            (t(SettlementStrings.settledAt), DeliverySummary.stamp(s.settledAt, timeZone)),
            (t(SettlementStrings.repairClass), t(SettlementStrings.className(o.repairClass))),
        ]
        if !s.reason.isEmpty { header.append((t(SettlementStrings.correctionReason), clean(s.reason))) }
        lines += PaperText.pairs(header, w, separator: colon)

        // Labour: operation, hours, rate, amount, who pays.
        lines.append(thin)
        lines.append(t(SettlementStrings.labourSection))
        let labourWidths = w == 80 ? [29, -7, -12, -14, 14] : [-7, -12, -14, 12]
        if w == 80 {
            lines.append(PaperText.row([t(SettlementStrings.operation), t(SettlementStrings.hours), t(SettlementStrings.rate),
                                        t(SettlementStrings.amount), t(SettlementStrings.payer)], labourWidths))
        }
        for line in s.lines {
            let name = (line.operationCode.isEmpty ? "" : line.operationCode + " ") + clean(line.name)
            let numbers = [Hundredths.text(line.hoursHundredths), line.rate.map { "\($0)" } ?? t(SettlementStrings.lumpLabour),
                           "\(line.labour)", payer(line, language)]
            if w == 80 {
                lines.append(PaperText.row([name] + numbers, labourWidths))
            } else {
                lines.append(PaperText.truncate(name, w))
                lines.append(PaperText.row(numbers, labourWidths))
            }
        }

        // Parts: number, name, kind, quantity, unit price, amount.
        let parts = s.lines.flatMap { line in line.parts.map { (line, $0) } }
        let lumps = s.lines.filter { $0.parts.isEmpty && $0.partsAmount != .zero }
        if !parts.isEmpty || !lumps.isEmpty {
            lines.append(thin)
            lines.append(t(SettlementStrings.partsSection))
            let partWidths = w == 80 ? [14, 19, 11, -6, -12, -13] : [11, -6, -13, -15]
            if w == 80 {
                lines.append(PaperText.row([t(SettlementStrings.partNumber), t(SettlementStrings.partName), t(SettlementStrings.kind),
                                            t(SettlementStrings.quantity), t(SettlementStrings.unitPrice),
                                            t(SettlementStrings.amount)], partWidths))
            }
            for (_, part) in parts {
                let cells = [t(part.kind.label), Hundredths.text(part.quantityHundredths), "\(part.unitPrice)", "\(part.amount)"]
                if w == 80 {
                    lines.append(PaperText.row([clean(part.number), clean(part.name)] + cells, partWidths))
                } else {
                    lines.append(PaperText.truncate(clean(part.number) + " " + clean(part.name), w))
                    lines.append(PaperText.row(cells, partWidths))
                }
            }
            for line in lumps {
                lines += PaperText.spread(t(SettlementStrings.lumpParts) + " " + PaperText.truncate(clean(line.name), w / 3),
                                          "\(line.partsAmount)", w)
            }
        }

        // Old parts: what happens to each replaced part.
        let replaced = parts.filter { $0.1.oldPart != nil }
        if !replaced.isEmpty {
            lines.append(thin)
            lines.append(t(SettlementStrings.oldPartsSection))
            for (_, part) in replaced {
                lines += PaperText.spread("  " + clean(part.name), t(part.oldPart!.label), w)
            }
        }
        if !input.declined.isEmpty {
            lines.append(thin)
            lines.append(t(SettlementStrings.declinedSection))
            for job in input.declined { lines.append(PaperText.truncate("  " + clean(job.description), w)) }
        }

        // Totals by who pays, discounts, the customer's figure and its capitals.
        lines.append(rule)
        lines.append(t(SettlementStrings.totalsSection))
        func amountLine(_ label: String, _ amount: Fen) { lines += PaperText.spread("  " + label, "\(amount)", w) }
        amountLine(t(SettlementStrings.labourTotal), totals.labour)
        amountLine(t(SettlementStrings.partsTotal), totals.parts)
        if totals.lineDiscounts != .zero { amountLine(t(SettlementStrings.lineDiscounts), .zero - totals.lineDiscounts) }
        for basis in PaymentBasis.allCases where totals.byBasis[basis] != nil {
            var label = t(basis.label)
            let claims = s.lines.filter { $0.basis == basis && !$0.claimNumber.isEmpty }.map { clean($0.claimNumber) }
            if !claims.isEmpty { label += " (" + t(SettlementStrings.claim) + " " + claims.joined(separator: ", ") + ")" }
            amountLine(label, totals.subtotal(basis))
        }
        if totals.orderDiscount != .zero { amountLine(t(SettlementStrings.orderDiscount), .zero - totals.orderDiscount) }
        lines += PaperText.spread(t(SettlementStrings.customerPays), "\(totals.customerPays)", w)
        // The capitals are the legal amount: never cut, wrapped when long.
        lines += PaperText.wrap(t(SettlementStrings.capitals) + colon + ChineseAmount.capitals(totals.customerPays), w, indent: 2)
        lines.append(thin)
        lines += PaperText.wrap(t(SettlementStrings.warranty) + colon + t(SettlementStrings.warrantyTerms(
            days: input.warranty.days, km: input.warranty.kilometres)), w, indent: 2)
        lines.append("")
        let customerSign = t(SettlementStrings.customerSignature) + colon
        let advisorSign = t(SettlementStrings.advisorSignature) + colon
        let dateSign = t(SettlementStrings.date) + colon + String(repeating: "_", count: 10)
        let fixed = PaperText.width(customerSign + advisorSign + dateSign) + 4
        if w == 80 && fixed + 2 * 10 <= w {
            let blank = String(repeating: "_", count: min(16, (w - fixed) / 2))
            lines.append(customerSign + blank + "  " + advisorSign + blank + "  " + dateSign)
        } else {
            let blank = String(repeating: "_", count: 14)
            lines.append(customerSign + blank)
            lines.append("")
            lines.append(advisorSign + blank)
            lines.append("")
            lines.append(t(SettlementStrings.date) + colon + blank)
        }
        lines.append("")
        lines.append(PaperText.right(t(copy), w))
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    private static func payer(_ line: SettledLine, _ language: Language) -> String {
        line.basis.label.text(language)
    }
}
