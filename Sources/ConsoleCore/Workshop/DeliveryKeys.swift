import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the delivery panel: choose an order ready for pickup, tick its checklist, deliver.
enum DeliveryKeys {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        var d = state.workshop.delivery
        if d.summary != nil {
            if key == .character("s") {
                return [.workshop(.saveSummary(number: d.summaryNumber, text: d.summary!))]
            }
            if key == .enter { state.workshop.delivery.summary = nil }
            return []
        }
        let total = d.queue?.total ?? 0
        if !d.checklistFocused {
            let before = d.selected
            switch key {
            case .up: d.selected = max(0, d.selected - 1)
            case .down: d.selected = max(0, min(total - 1, d.selected + 1))
            case .enter, .right:
                if d.context != nil { d.checklistFocused = true }
            case .character(" "), .character("o"), .character("d"):
                if d.context != nil {
                    d.checklistFocused = true
                    state.workshop.delivery = d
                    return checklistKey(&state, key)
                }
            default: break
            }
            state.workshop.delivery = d
            if d.selected != before, let row = d.selectedRow {
                return [.workshop(.loadDeliveryContext(roID: row.id))]
            }
            return []
        }
        return checklistKey(&state, key)
    }

    private static func checklistKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let context = state.workshop.delivery.context else { return [] }
        let items = context.items
        var d = state.workshop.delivery
        switch key {
        case .up: d.item = max(0, d.item - 1)
        case .down: d.item = max(0, min(items.count - 1, d.item + 1))
        case .left: d.checklistFocused = false
        case .character(" "), .enter:
            guard items.indices.contains(d.item) else { break }
            let item = items[d.item]
            if d.ticked[item.key] != nil {
                d.ticked[item.key] = nil
            } else if satisfiedByData(item, context) {
                break
            } else if !DeliveryChecklist.canTick(item) {
                state.status = StatusLine(WorkshopStrings.cannotTick, kind: .warning)
            } else if item.check == .amountMatchesEstimate {
                state.workshop.delivery = d
                state.workshop.prompt = WorkshopPrompt(purpose: .amountNote(itemKey: item.key),
                                                       title: WorkshopStrings.amountNote, hint: WorkshopStrings.reasonHint)
                return []
            } else {
                d.ticked[item.key] = .done
            }
        case .character("o"):
            guard context.operatorMayOverride else {
                state.status = StatusLine(WorkshopStrings.notManager, kind: .error)
                break
            }
            if context.qcFailed {
                state.status = StatusLine(OrderStrings.qcFailedBlocks, kind: .error)
                break
            }
            guard !DeliveryChecklist.missingKeys(items: items, ticked: d.ticked,
                                                 satisfied: context.isSatisfiedByData).isEmpty else {
                state.status = StatusLine(OrderStrings.nothingToOverride, kind: .warning)
                break
            }
            state.workshop.delivery = d
            state.workshop.prompt = WorkshopPrompt(purpose: .overrideMissing, title: OrderStrings.overrideAll,
                                                   hint: WorkshopStrings.reasonHint)
            return []
        case .character("d"):
            state.workshop.delivery = d
            return [.workshop(.deliver(roID: context.order.id!, version: context.order.version, ticked: d.ticked))]
        default: break
        }
        state.workshop.delivery = d
        return []
    }

    static func satisfiedByData(_ item: DeliveryItem, _ c: DeliveryContext) -> Bool { c.isSatisfiedByData(item) }
}
