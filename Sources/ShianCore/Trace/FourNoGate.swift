/// The "four no's" (四不): imported cold-chain food that lacks its inspection and quarantine
/// certificate, nucleic-acid test report, disinfection certificate or trace information may not be
/// purchased, stored, processed or sold (research/domain-cn.md §c-3; 吉冷链: without any of the four it
/// "cannot be sold in Jilin").
///
/// Every `TraceEventType` that receives, stores, ships, sells, splits or processes a batch passes
/// the gate; only `dispose` does not, so a batch that fails the gate can still be destroyed. Intake
/// testing and disinfection in a centralised warehouse happen before the batch is registered
/// (陕冷链: the code is assigned after the batch passes), so the gate has no exemption for them.
public enum FourNoGate {
    /// The name the fourth requirement goes by in `missing`, beside the `ImportDocumentKind` raw values.
    public static let traceCode = "traceCode"
    /// The error code of a refused event.
    public static let failureCode = "missingImportDocuments"

    /// What the batch lacks for an event of `eventType`, in the fixed order inspectionQuarantine,
    /// nucleicAcidTest, disinfection, traceCode (the order the rules list them); empty when the
    /// event may go ahead.
    public static func missing(documents: Set<ImportDocumentKind>, hasTraceCode: Bool, eventType: TraceEventType) -> [String] {
        guard eventType.passesFourNoGate else { return [] }
        var missing = ImportDocumentKind.allCases.filter { !documents.contains($0) }.map(\.rawValue)
        if !hasTraceCode { missing.append(traceCode) }
        return missing
    }

    /// Refuses an event the gate stops with `missingImportDocuments` (field `documents`), the missing
    /// requirements as its arguments.
    public static func check(documents: Set<ImportDocumentKind>, hasTraceCode: Bool, eventType: TraceEventType)
        throws(ValidationFailure)
    {
        let missing = missing(documents: documents, hasTraceCode: hasTraceCode, eventType: eventType)
        guard missing.isEmpty else {
            throw ValidationFailure(code: failureCode, field: "documents", arguments: missing)
        }
    }
}
