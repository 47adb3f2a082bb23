export type StaffRole = 'technician' | 'owner'

export interface StaffDto {
  id: number
  name: string
  role: StaffRole
  active: boolean
  locale: string | null
  createdAtMs: number
}

/** What the sign-in screen may know about staff before anyone is signed in. */
export interface StaffChoiceDto {
  id: number
  name: string
  role: StaffRole
}

export interface SessionDto {
  staff: StaffDto
  signedInAtMs: number
}
