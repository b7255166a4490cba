/** API messages of organizations and memberships (merged in ./messages.ts). */
/** Organization kinds, named once for the API's messages and the UI (app/i18n/<language>/organizations.ts). */
export const organizationKindNamesEs = {
  "orgKind.UNIVERSITY": "Universidad",
  "orgKind.COMPANY": "Empresa",
  "orgKind.PUBLIC_ENTITY": "Entidad pública",
  "orgKind.NGO": "ONG",
  "orgKind.STARTUP": "Startup",
};

export const organizationKindNamesEn: Record<keyof typeof organizationKindNamesEs, string> = {
  "orgKind.UNIVERSITY": "University",
  "orgKind.COMPANY": "Company",
  "orgKind.PUBLIC_ENTITY": "Public entity",
  "orgKind.NGO": "NGO",
  "orgKind.STARTUP": "Startup",
};

export const organizationMessagesEs = {
  ...organizationKindNamesEs,
  "organization.notFound": "No encontramos esta organización.",
  "organization.nitFormat": "Escribe el NIT con su dígito de verificación, por ejemplo 900.123.456-7.",
  "organization.nitCheckDigit": "El dígito de verificación no corresponde a este NIT. Revisa el número en el RUT.",
  "organization.nitTaken": "Ya hay una organización registrada con este NIT.",
  "organization.kindNotAllowed": "Con tu tipo de cuenta solo puedes crear organizaciones de tipo «$t(orgKind.{{kind}})».",
  "organization.lastOwner": "La organización debe conservar al menos una persona propietaria. Asigna otra antes de hacer este cambio.",
  "organization.notMember": "Esa persona no es miembro de esta organización.",
  "organization.alreadyMember": "Esa persona ya es miembro de esta organización.",
  "organization.requestPending": "Ya hay una invitación o solicitud pendiente para este correo.",
  "organization.requestNotFound": "No encontramos esta invitación o solicitud, o ya fue respondida.",
  "organization.verificationNotPending": "Esta organización no tiene una solicitud de verificación pendiente.",
  "organization.alreadyVerified": "Esta organización ya está verificada.",
  "organization.verificationPending": "La verificación ya está solicitada; la Secretaría la revisará.",
  "organization.logoNotImage": "El logo debe ser una imagen PNG o JPEG que hayas subido.",
  "organization.offerNotFound": "No encontramos esta oferta.",
} as const;

export const organizationMessagesEn: Record<keyof typeof organizationMessagesEs, string> = {
  ...organizationKindNamesEn,
  "organization.notFound": "We could not find this organization.",
  "organization.nitFormat": "Write the NIT with its check digit, for example 900.123.456-7.",
  "organization.nitCheckDigit": "The check digit does not match this NIT. Check the number on the RUT.",
  "organization.nitTaken": "An organization with this NIT is already registered.",
  "organization.kindNotAllowed": "With your account type you can only create organizations of type “$t(orgKind.{{kind}})”.",
  "organization.lastOwner": "The organization must keep at least one owner. Make someone else an owner first.",
  "organization.notMember": "That person is not a member of this organization.",
  "organization.alreadyMember": "That person is already a member of this organization.",
  "organization.requestPending": "There is already a pending invitation or request for this email.",
  "organization.requestNotFound": "We could not find this invitation or request, or it was already answered.",
  "organization.verificationNotPending": "This organization has no pending verification request.",
  "organization.alreadyVerified": "This organization is already verified.",
  "organization.verificationPending": "Verification has already been requested; the Secretariat will review it.",
  "organization.logoNotImage": "The logo must be a PNG or JPEG image you uploaded.",
  "organization.offerNotFound": "We could not find this offer.",
};
