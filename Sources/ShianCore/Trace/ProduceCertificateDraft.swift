import Foundation

/// A produce certificate (承诺达标合格证) as filled in, before it gets its code: the fields of the
/// 2019–2020 trial and the 2025 管理办法 (research/domain-cn.md §c-4: product name, quantity or weight,
/// the issuer's name, place of origin and contact, issue date, commitments by style, basis).
public struct ProduceCertificateDraft: Sendable, Equatable {
    public var style: ProduceCertificateStyle
    public var productName: String
    public var quantity: Decimal?
    /// The unit as written on the certificate (公斤, 斤, 箱, 头, 枚 …).
    public var unit: String
    /// The producer (样式一) or the purchaser (样式二).
    public var issuerName: String
    /// A mobile number or a landline with area code.
    public var contact: String
    /// The place of origin (产地).
    public var origin: String
    public var issuedOn: Date?
    public var bases: Set<ProduceCertificateBasis>
    /// Set on a purchaser's re-issue (mixed or split lots): the codes of the certificates it replaces,
    /// which link the new certificate to its sources. Nil on a first issue.
    public var sourceCertificateCodes: [String]?

    public init(
        style: ProduceCertificateStyle, productName: String, quantity: Decimal?, unit: String, issuerName: String,
        contact: String, origin: String, issuedOn: Date?, bases: Set<ProduceCertificateBasis>,
        sourceCertificateCodes: [String]? = nil
    ) {
        self.style = style
        self.productName = productName
        self.quantity = quantity
        self.unit = unit
        self.issuerName = issuerName
        self.contact = contact
        self.origin = origin
        self.issuedOn = issuedOn
        self.bases = bases
        self.sourceCertificateCodes = sourceCertificateCodes
    }

    /// Every problem at once, in field order (empty when the certificate may be issued):
    /// `fieldRequired` and `textTooLong` per field, `quantityNotPositive`, `contactInvalid`,
    /// `issueDateInFuture` (later than `today` in China time), and on a re-issue
    /// `reissueRequiresPurchaser`, `reissueSourcesMissing`, `reissueSourceDuplicate` and the code's
    /// own failures at `sourceCertificateCodes[i]`.
    public func problems(today: Date, calendar: Calendar = .shanghai) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func text(_ value: String, _ field: String, max: Int) {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                failures.append(ValidationFailure(code: "fieldRequired", field: field, arguments: [field]))
            } else if trimmed.count > max {
                failures.append(ValidationFailure(code: "textTooLong", field: field, arguments: [String(max)]))
            }
        }
        text(productName, "productName", max: 50)
        if let quantity {
            if quantity <= 0 {
                failures.append(ValidationFailure(code: "quantityNotPositive", field: "quantity", arguments: ["\(quantity)"]))
            }
        } else {
            failures.append(ValidationFailure(code: "fieldRequired", field: "quantity", arguments: ["quantity"]))
        }
        text(unit, "unit", max: 10)
        text(issuerName, "issuerName", max: 100)
        let phone = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        if phone.isEmpty {
            failures.append(ValidationFailure(code: "fieldRequired", field: "contact", arguments: ["contact"]))
        } else if !BusinessDraft.isPhone(phone) {
            failures.append(ValidationFailure(code: "contactInvalid", field: "contact", arguments: [phone]))
        }
        text(origin, "origin", max: 100)
        if let issuedOn {
            if calendar.startOfDay(for: issuedOn) > calendar.startOfDay(for: today) {
                failures.append(ValidationFailure(code: "issueDateInFuture", field: "issuedOn"))
            }
        } else {
            failures.append(ValidationFailure(code: "fieldRequired", field: "issuedOn", arguments: ["issuedOn"]))
        }
        if bases.isEmpty { failures.append(ValidationFailure(code: "fieldRequired", field: "basis", arguments: ["basis"])) }
        if let sources = sourceCertificateCodes { failures += Self.reissueProblems(style: style, sources: sources) }
        return failures
    }

    /// 农产品质量安全法 (2022): purchasers who mix or split lots re-issue, keeping the certificates they
    /// collected; so a re-issue is the purchaser's, names at least one source, each once.
    static func reissueProblems(style: ProduceCertificateStyle, sources: [String]) -> [ValidationFailure] {
        let field = "sourceCertificateCodes"
        var failures: [ValidationFailure] = []
        if style != .purchaser { failures.append(ValidationFailure(code: "reissueRequiresPurchaser", field: "style")) }
        if sources.isEmpty { failures.append(ValidationFailure(code: "reissueSourcesMissing", field: field)) }
        var seen: Set<ProduceCertificateCode> = []
        for (index, source) in sources.enumerated() {
            do {
                let code = try ProduceCertificateCode(source)
                if !seen.insert(code).inserted {
                    failures.append(
                        ValidationFailure(code: "reissueSourceDuplicate", field: "\(field)[\(index)]", arguments: [code.rawValue])
                    )
                }
            } catch {
                failures.append(ValidationFailure(code: error.code, field: "\(field)[\(index)]", arguments: error.arguments))
            }
        }
        return failures
    }
}
