import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the delivery panel: choose an order ready for pickup, tick its checklist, deliver.
enum DeliveryKeys {
    enum Action: Sendable, Equatable {
        case move(ListMove)
        /// Enter/→ on the queue: over to the selected order's checklist.
        case focusChecklist
        /// ← in the checklist: back to the queue.
        case leaveChecklist
        case tick, override, deliver
        case saveSummary, closeSummary
    }

    private static let actions: [KeyBinding<Action>] = [
        KeyBinding([.character("o")], .override, WorkshopStrings.keyOverride),
        KeyBinding([.character("d")], .deliver, WorkshopStrings.keyDeliver),
    ]

    static let queueTable = KeyTable<Action>([
        KeyBinding([.enter], .focusChecklist, WorkshopStrings.keyChecklist, also: [.right]),
    ] + actions + [
        KeyBinding([], .tick, WorkshopStrings.keyTick, also: [.character(" ")]),
    ]) + ListKeys.upDown.map(Action.move)

    static let checklistTable = KeyTable<Action>([
        KeyBinding([.enter], .tick, WorkshopStrings.keyTick, also: [.character(" ")]),
    ] + actions + [
        KeyBinding([], .leaveChecklist, Strings.keyBack, also: [.left]),
    ]) + ListKeys.upDown.map(Action.move)

    static let summaryTable = KeyTable<Action>([
        KeyBinding([.character("s")], .saveSummary, WorkshopStrings.keySummary),
        KeyBinding([.enter], .closeSummary, Strings.keyBack, bar: false),
    ])

    static func table(_ d: DeliveryPanelState) -> (KeyMode, KeyTable<Action>) {
        if d.summary != nil { return (.card, summaryTable) }
        return d.checklistFocused ? (.list, checklistTable) : (.list, queueTable)
    }

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        var d = state.workshop.delivery
        guard let action = table(d).1.match(key) else { return [] }
        if d.summary != nil {
            if action == .saveSummary { return [.workshop(.saveSummary(number: d.summaryNumber, text: d.summary!))] }
            if action == .closeSummary { state.workshop.delivery.summary = nil }
            return []
        }
        let total = d.queue?.total ?? 0
        if !d.checklistFocused {
            let before = d.selected
            switch action {
            case .move(.up): d.selected = max(0, d.selected - 1)
            case .move(.down): d.selected = max(0, min(total - 1, d.selected + 1))
            case .focusChecklist:
                if d.context != nil { d.checklistFocused = true }
            case .tick, .override, .deliver:
                if d.context != nil {
                    d.checklistFocused = true
                    state.workshop.delivery = d
                    return checklistAction(&state, action)
                }
            default: break
            }
            state.workshop.delivery = d
            if d.selected != before, let row = d.selectedRow {
                return [.workshop(.loadDeliveryContext(roID: row.id))]
            }
            return []
        }
        return checklistAction(&state, action)
    }

    private static func checklistAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard let context = state.workshop.delivery.context else { return [] }
        let items = context.items
        var d = state.workshop.delivery
        switch action {
        case .move(.up): d.item = max(0, d.item - 1)
        case .move(.down): d.item = max(0, min(items.count - 1, d.item + 1))
        case .leaveChecklist: d.checklistFocused = false
        case .tick:
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
        case .override:
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
        case .deliver:
            state.workshop.delivery = d
            return [.workshop(.deliver(roID: context.order.id!, version: context.order.version, ticked: d.ticked))]
        default: break
        }
        state.workshop.delivery = d
        return []
    }

    static func satisfiedByData(_ item: DeliveryItem, _ c: DeliveryContext) -> Bool { c.isSatisfiedByData(item) }
}
