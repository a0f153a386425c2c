import Foundation

/// The demo county's registry: about 3,000 businesses, grassroots staff and responsible cadres,
/// generated deterministically (the same records every time; dates relative to the seeding day so
/// that the expiry lists always have something to show). All invented.
public enum DemoRegistry {
    public struct Business: Sendable, Equatable {
        /// A stable key, unique in the demo (the two operator accounts' businesses use
        /// `lambNoodles` and `koreanRestaurant`).
        public let key: String
        public let name: String
        public let creditCode: CreditCode?
        public let category: BusinessCategory
        /// The grid the business belongs to; a few have only their village's or township's code,
        /// so that "businesses without a grid" has something to show.
        public let regionCode: RegionCode
        public let address: String
        public let legalRepresentative: String
        public let contactPhone: String
        public let safetyDirector: String?
        public let safetyOfficer: String?
        public let permitNumber: String?
        public let permitValidFrom: Date?
        public let permitValidUntil: Date?
        public let areaSquareMetres: Double?
        public let status: BusinessStatus

        public init(
            key: String, name: String, creditCode: CreditCode?, category: BusinessCategory, regionCode: RegionCode,
            address: String, legalRepresentative: String, contactPhone: String, safetyDirector: String?,
            safetyOfficer: String?, permitNumber: String?, permitValidFrom: Date?, permitValidUntil: Date?,
            areaSquareMetres: Double?, status: BusinessStatus
        ) {
            self.key = key
            self.name = name
            self.creditCode = creditCode
            self.category = category
            self.regionCode = regionCode
            self.address = address
            self.legalRepresentative = legalRepresentative
            self.contactPhone = contactPhone
            self.safetyDirector = safetyDirector
            self.safetyOfficer = safetyOfficer
            self.permitNumber = permitNumber
            self.permitValidFrom = permitValidFrom
            self.permitValidUntil = permitValidUntil
            self.areaSquareMetres = areaSquareMetres
            self.status = status
        }
    }

    public struct Staff: Sendable, Equatable {
        public let name: String
        public let kind: GrassrootsStaffKind
        /// The village (assistants) or grid (informants) they serve.
        public let regionCode: RegionCode
        public let phone: String
        /// Yearly subsidy in fen.
        public let annualSubsidyFen: Int
        public let appointedOn: Date
        public let trainedOn: Date?

        public init(
            name: String, kind: GrassrootsStaffKind, regionCode: RegionCode, phone: String, annualSubsidyFen: Int,
            appointedOn: Date, trainedOn: Date?
        ) {
            self.name = name
            self.kind = kind
            self.regionCode = regionCode
            self.phone = phone
            self.annualSubsidyFen = annualSubsidyFen
            self.appointedOn = appointedOn
            self.trainedOn = trainedOn
        }
    }

    public struct Cadre: Sendable, Equatable {
        public let name: String
        public let position: String
        /// The township (or county) the cadre belongs to.
        public let regionCode: RegionCode
        public let phone: String
        public let duties: String
        public let pledgeSignedOn: Date?
        /// Keys of the businesses the cadre answers for (包保).
        public let businessKeys: [String]

        public init(
            name: String, position: String, regionCode: RegionCode, phone: String, duties: String, pledgeSignedOn: Date?,
            businessKeys: [String]
        ) {
            self.name = name
            self.position = position
            self.regionCode = regionCode
            self.phone = phone
            self.duties = duties
            self.pledgeSignedOn = pledgeSignedOn
            self.businessKeys = businessKeys
        }
    }
}

extension DemoRegistry.Business {
    /// The record as validated fields, with the permit the province's rules give its category.
    public func draft(rules: SmallBusinessRules) -> BusinessDraft {
        BusinessDraft(
            name: name, creditCode: creditCode, category: category, regionCode: regionCode, address: address,
            legalRepresentative: legalRepresentative, contactPhone: contactPhone, safetyDirector: safetyDirector,
            safetyOfficer: safetyOfficer, status: status, permitKind: rules.permit(for: category), permitNumber: permitNumber,
            permitValidFrom: permitValidFrom, permitValidUntil: permitValidUntil, areaSquareMetres: areaSquareMetres)
    }
}
