/** The open data API's messages (merged in ./messages.ts). */
export const dataMessagesEs = {
  "data.unknownDataset": "Ese conjunto de datos no existe. Consulta el catálogo en /datos.",
} as const;

export const dataMessagesEn: Record<keyof typeof dataMessagesEs, string> = {
  "data.unknownDataset": "There is no such dataset. See the catalogue at /datos.",
};
