/**
 * Passwords seen most often in public breach lists, plus Spanish and local variants a
 * Barrancabermeja user might reach for. Compared case-insensitively, after trimming.
 */
const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 666666 121212
password password1 password123 passw0rd qwerty qwerty123 qwertyuiop abc123 abcd1234 iloveyou
admin admin123 welcome welcome1 letmein monkey dragon football baseball sunshine princess
master shadow superman michael trustno1 1q2w3e4r 1qaz2wsx zaq12wsx asdfghjkl asdf1234 987654321
contraseña contrasena contraseña1 contrasena123 clave clave123 micontraseña teamo teamo123
colombia colombia1 colombia123 barrancabermeja barranca barranca123 santander bucaramanga
bogota medellin cali ecopetrol petroleo ingeniero universidad estudiante cocrea cocrea123
holamundo hola1234 bienvenido 12341234 11111111 00000000 88888888 123qweasd q1w2e3r4t5
jesus1234 diosesamor familia amorcito mariposa tequiero futbol america millonarios nacional
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
