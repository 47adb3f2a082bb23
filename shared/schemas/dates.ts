import { z } from 'zod'
import { isBusinessDate } from '../dates'

export const BusinessDate = z
  .string({ error: 'validation.date' })
  .refine(isBusinessDate, { error: 'validation.date' })
